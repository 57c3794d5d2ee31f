using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PartnerHub.App.Common;
using PartnerHub.App.Persistence;
using PartnerHub.Core.Common;
using PartnerHub.Core.Ledger;

namespace PartnerHub.App.Ledger;

/// <summary>
/// Closes a month into immutable partner statements, one per partner and currency with a balance or activity: opening
/// balance, every line of the month with its explanation and basis, closing balance. Idempotent per period, partner and
/// currency: closing again issues nothing for a statement already issued. What was posted into the month after its
/// close (a back-dated correction) is never edited into the issued statement: closing again issues an adjusting
/// statement (sequence 2, 3...) that opens at the last issued closing and lists only the lines not yet on a statement.
/// The statements of one close are written in one database transaction.
/// </summary>
public sealed class CloseStatements(PartnerHubDb db)
{
    public sealed record Summary(Guid StatementId, Guid PartnerId, string Currency, int Sequence, int Lines, PartnerBalance Opening, PartnerBalance Closing);

    public sealed record Closed(string Period, IReadOnlyList<Summary> Issued, int AlreadyIssued);

    public async Task<Result<Closed>> HandleAsync(string period, CancellationToken ct)
    {
        if (Access.VendorOnly(db.Actor, "close statements") is { } denied) return denied;
        var parsed = StatementPeriod.Parse(period);
        if (!parsed.IsSuccess) return parsed.Error;
        var month = parsed.Value;
        var now = db.Clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        if (today <= month.LastDay)
            return Error.Unprocessable("period_not_over", string.Create(CultureInfo.InvariantCulture,
                $"{month} ends on {month.LastDay:yyyy-MM-dd}; it can be closed from {month.LastDay.AddDays(1):yyyy-MM-dd}."));

        // Everything posted up to now: the month's transactions whole, and every earlier line summed per account.
        var (first, last) = (month.FirstDay, month.LastDay);
        var transactions = await LedgerReader.LoadAsync(db, db.LedgerTransactions.Where(t => t.OccurredOn >= first && t.OccurredOn <= last && t.PostedAt <= now), ct);
        var openings = (await LedgerReader.BalancesAsync(db.LedgerEntries.AsNoTracking().Where(e => e.OccurredOn < first && e.PostedAt <= now), ct))
            .ToDictionary(b => (b.Partner, b.Held.Currency));

        var key = month.ToString();
        var issued = await db.Statements.AsNoTracking().Where(s => s.Period == key).ToListAsync(ct);
        var latest = issued.GroupBy(s => (s.PartnerId, s.Currency)).ToDictionary(g => g.Key, g => g.MaxBy(s => s.Sequence)!);
        var issuedIds = issued.Select(s => s.Id).ToList();
        var onStatements = (await db.StatementLines.AsNoTracking().Where(l => issuedIds.Contains(l.StatementId))
                .Select(l => new { l.PartnerId, l.Currency, l.TransactionId }).Distinct().ToListAsync(ct))
            .Select(l => (l.PartnerId, l.Currency, l.TransactionId)).ToHashSet();

        var active = transactions.SelectMany(t => t.Entries).Where(e => e.PartnerId is not null).Select(e => (e.PartnerId!.Value, e.Amount.Currency));
        var owners = openings.Where(o => o.Value.Held.Minor != 0 || o.Value.Payable.Minor != 0 || o.Value.Receivable.Minor != 0).Select(o => o.Key)
            .Concat(active).Distinct().OrderBy(k => k.Item1.Value).ThenBy(k => k.Item2.Code, StringComparer.Ordinal);

        var summaries = new List<Summary>();
        var unchanged = 0;
        foreach (var (partner, currency) in owners)
        {
            PartnerStatement statement;
            int sequence;
            if (latest.TryGetValue((partner, currency), out var previous))
            {
                // Closed before: only what no statement of this month shows yet, from where the last one closed.
                var missing = transactions.Where(t => t.Entries.Any(e => e.PartnerId == partner && e.Amount.Currency == currency)
                    && !onStatements.Contains((partner, currency, t.Id)));
                statement = PartnerStatement.Continue(partner, month, currency, previous.Closing, missing);
                if (statement.Lines.Count == 0) { unchanged++; continue; }
                sequence = previous.Sequence + 1;
            }
            else
            {
                statement = PartnerStatement.Continue(partner, month, currency, openings.GetValueOrDefault((partner, currency)) ?? PartnerBalance.Zero(partner, currency), transactions);
                sequence = 1;
            }

            var (record, lines) = StatementRecord.From(statement, sequence, now, db.Actor.Name);
            db.Statements.Add(record);
            db.StatementLines.AddRange(lines);
            summaries.Add(new Summary(record.Id.Value, partner.Value, currency.Code, sequence, lines.Count, statement.Opening, statement.Closing));
        }

        try
        {
            await db.SaveChangesAsync(ct); // one transaction: a close issues all of its statements or none
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            return Error.Conflict("statements_closing", $"Another close of {month} ran at the same time and issued statements first; close again to see what is left.");
        }

        return new Closed(key, summaries, unchanged);
    }
}
