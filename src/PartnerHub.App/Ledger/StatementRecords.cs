using PartnerHub.App.Persistence;
using PartnerHub.Core.Common;
using PartnerHub.Core.Ledger;
using PartnerHub.Core.Partners;

namespace PartnerHub.App.Ledger;

/// <summary>
/// An issued partner statement for one period and currency, immutable from the moment it is written (the database
/// refuses UPDATE and DELETE). <see cref="Sequence"/> 1 is the period's statement; 2, 3... are adjusting statements
/// for what was posted into the period after it was closed.
/// </summary>
public sealed class StatementRecord : IPartnerOwned
{
    private StatementRecord()
    {
    }

    public StatementId Id { get; private set; }
    public PartnerId PartnerId { get; private set; }

    /// <summary>YYYY-MM.</summary>
    public string Period { get; private set; } = "";

    public Currency Currency { get; private set; }
    public int Sequence { get; private set; }
    public long OpeningHeldMinor { get; private set; }
    public long OpeningPayableMinor { get; private set; }
    public long OpeningReceivableMinor { get; private set; }
    public long ClosingHeldMinor { get; private set; }
    public long ClosingPayableMinor { get; private set; }
    public long ClosingReceivableMinor { get; private set; }
    public int LineCount { get; private set; }
    public DateTimeOffset IssuedAt { get; private set; }
    public string IssuedBy { get; private set; } = "";

    public bool IsAdjusting => Sequence > 1;

    public PartnerBalance Opening => new(PartnerId, new Money(OpeningHeldMinor, Currency), new Money(OpeningPayableMinor, Currency), new Money(OpeningReceivableMinor, Currency));

    public PartnerBalance Closing => new(PartnerId, new Money(ClosingHeldMinor, Currency), new Money(ClosingPayableMinor, Currency), new Money(ClosingReceivableMinor, Currency));

    public static (StatementRecord Statement, IReadOnlyList<StatementLineRecord> Lines) From(PartnerStatement statement, int sequence, DateTimeOffset issuedAt, string issuedBy)
    {
        var record = new StatementRecord
        {
            Id = StatementId.New(issuedAt), PartnerId = statement.Partner, Period = statement.Period.ToString(), Currency = statement.Currency,
            Sequence = sequence, LineCount = statement.Lines.Count, IssuedAt = issuedAt, IssuedBy = issuedBy,
            OpeningHeldMinor = statement.Opening.Held.Minor, OpeningPayableMinor = statement.Opening.Payable.Minor, OpeningReceivableMinor = statement.Opening.Receivable.Minor,
            ClosingHeldMinor = statement.Closing.Held.Minor, ClosingPayableMinor = statement.Closing.Payable.Minor, ClosingReceivableMinor = statement.Closing.Receivable.Minor,
        };
        return (record, statement.Lines.Select((line, i) => StatementLineRecord.From(record, i, line)).ToArray());
    }

    /// <summary>The statement as issued, in the domain's terms.</summary>
    public PartnerStatement ToStatement(IEnumerable<StatementLineRecord> lines) =>
        new(PartnerId, StatementPeriod.Parse(Period).Value, Currency, Opening, lines.OrderBy(l => l.LineNo).Select(l => l.ToLine()).ToArray(), Closing);
}

/// <summary>
/// One line of an issued statement, a copy of the ledger line as the partner reads it (positive: the vendor owes more),
/// with the transaction's description, the line's explanation and its accrual basis. Self-contained and immutable.
/// </summary>
public sealed class StatementLineRecord : LedgerLine, IPartnerOwned
{
    private StatementLineRecord()
    {
    }

    public StatementId StatementId { get; private set; }
    public int LineNo { get; private set; }
    public PartnerId PartnerId { get; private set; }
    public string Description { get; private set; } = "";

    internal static StatementLineRecord From(StatementRecord statement, int lineNo, StatementLine line)
    {
        var record = new StatementLineRecord
        {
            StatementId = statement.Id, LineNo = lineNo, PartnerId = statement.PartnerId, TransactionId = line.TransactionId, OccurredOn = line.OccurredOn,
            Kind = line.Kind, Account = line.Account, Description = line.Description, Explanation = line.Explanation,
            AmountMinor = line.Amount.Minor, Currency = line.Amount.Currency,
        };
        record.SetBasis(line.Basis);
        return record;
    }

    public StatementLine ToLine() => new(OccurredOn, TransactionId, Kind, Account, Description, Explanation, Amount, Basis);
}
