using System.Globalization;
using PartnerHub.App.Ledger;
using PartnerHub.Core.Common;
using PartnerHub.Core.Ledger;

namespace PartnerHub.Web.Ledger;

/// <summary>An amount over HTTP: integer minor units, the currency, and the same amount in major units as text ("2469.13").</summary>
public sealed record MoneyJson(long Minor, string Currency, string Amount)
{
    public static MoneyJson From(Money m) =>
        new(m.Minor, m.Currency.Code, m.ToMajor().ToString("F" + m.Currency.Exponent.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture));

    public static MoneyJson From(long minor, string currency) =>
        Core.Common.Currency.Parse(currency) is { IsSuccess: true } c ? From(new Money(minor, c.Value)) : new MoneyJson(minor, currency, minor.ToString(CultureInfo.InvariantCulture));
}

/// <summary>A partner's balance in one currency: held (inside the holding period), payable, receivable (fees it owes) and net owed to it.</summary>
public sealed record BalanceJson(Guid PartnerId, string Currency, MoneyJson Held, MoneyJson Payable, MoneyJson Receivable, MoneyJson NetOwed)
{
    public static BalanceJson From(PartnerBalance b) =>
        new(b.Partner.Value, b.Held.Currency.Code, MoneyJson.From(b.Held), MoneyJson.From(b.Payable), MoneyJson.From(b.Receivable), MoneyJson.From(b.NetOwed));
}

/// <summary>Why an accrual line has its amount: model, base, rate or flat amount, tier and program version.</summary>
public sealed record BasisJson(string RevenueModel, MoneyJson BaseAmount, decimal? Percent, MoneyJson? FlatAmount, string? Tier, string ProgramVersion, string Explanation)
{
    public static BasisJson? From(AccrualBasis? b) => b is null ? null
        : new(b.RevenueModel, MoneyJson.From(b.BaseAmount), b.Percent, b.FlatAmount is { } f ? MoneyJson.From(f) : null, b.Tier, b.ProgramVersion, b.Explanation);
}

public sealed record StatementLineJson(DateOnly OccurredOn, Guid TransactionId, LedgerTransactionKind Kind, LedgerAccount Account, string Description,
    string Explanation, MoneyJson Amount, BasisJson? Basis);

/// <summary>An issued statement exactly as issued: opening balance, every line with its explanation, closing balance.</summary>
public sealed record StatementJson(Guid Id, Guid PartnerId, string Period, string Currency, int Sequence, bool Adjusting, DateTimeOffset IssuedAt,
    string IssuedBy, BalanceJson Opening, IReadOnlyList<StatementLineJson> Lines, BalanceJson Closing)
{
    public static StatementJson From(StatementView v)
    {
        var s = v.Statement;
        return new(v.Id, s.Partner.Value, s.Period.ToString(), s.Currency.Code, v.Sequence, v.Adjusting, v.IssuedAt, v.IssuedBy, BalanceJson.From(s.Opening),
            s.Lines.Select(l => new StatementLineJson(l.OccurredOn, l.TransactionId.Value, l.Kind, l.Account, l.Description, l.Explanation,
                MoneyJson.From(l.Amount), BasisJson.From(l.Basis))).ToList(),
            BalanceJson.From(s.Closing));
    }
}

public sealed record StatementSummaryJson(Guid Id, Guid PartnerId, string Period, string Currency, int Sequence, bool Adjusting, int Lines,
    BalanceJson Opening, BalanceJson Closing, DateTimeOffset IssuedAt)
{
    public static StatementSummaryJson From(ListStatements.Item i) =>
        new(i.Id, i.PartnerId, i.Period, i.Currency, i.Sequence, i.Adjusting, i.Lines, BalanceJson.From(i.Opening), BalanceJson.From(i.Closing), i.IssuedAt);
}

/// <summary>A statement a close issued just now.</summary>
public sealed record IssuedStatementJson(Guid Id, Guid PartnerId, string Currency, int Sequence, bool Adjusting, int Lines, BalanceJson Opening, BalanceJson Closing)
{
    public static IssuedStatementJson From(CloseStatements.Summary s) =>
        new(s.StatementId, s.PartnerId, s.Currency, s.Sequence, s.Sequence > 1, s.Lines, BalanceJson.From(s.Opening), BalanceJson.From(s.Closing));
}

/// <summary>What a close did: the statements it issued now, and how many partners already had theirs.</summary>
public sealed record ClosedJson(string Period, IReadOnlyList<IssuedStatementJson> Issued, int AlreadyIssued)
{
    public static ClosedJson From(CloseStatements.Closed c) => new(c.Period, c.Issued.Select(IssuedStatementJson.From).ToList(), c.AlreadyIssued);
}
