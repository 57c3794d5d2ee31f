using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PartnerHub.App.Facts;
using PartnerHub.App.Ledger;
using PartnerHub.App.Persistence;
using PartnerHub.Core.Common;
using PartnerHub.Core.Ledger;
using PartnerHub.Core.Partners;
using LedgerCommissions = PartnerHub.Core.Ledger.Commissions;

namespace PartnerHub.App.Commissions;

/// <summary>One ledger transaction an event caused: an accrual (positive, with its basis) or a clawback (negative).</summary>
public sealed record CommissionLine(
    Guid TransactionId, string Kind, string? RevenueModel, long AmountMinor, string Amount, string Currency, decimal? Percent, string? Tier,
    string? ProgramVersion, string Explanation);

/// <summary>What an attributed event did to the ledger: the transactions (new or found again) and notes when it did nothing.</summary>
public sealed record CommissionOutcome(IReadOnlyList<CommissionLine> Lines, IReadOnlyList<string> Notes);

/// <summary>
/// Posts what an attributed revenue event earns or takes back (docs/adr/0008-commission-rules.md). A payment of the
/// program's basis accrues into held commission under <c>revenue-event:{id}</c> (and <c>revenue-event:{id}:flat</c> for a
/// flat bounty); a refund or chargeback claws back from the accruals of the payment it reverses, in proportion, under
/// <c>clawback:{refund}:{accrual}</c>; refunds that arrived before their payment are settled when the payment accrues.
/// Every posting is idempotent by its key, so running this twice for an event moves no money twice.
/// </summary>
public sealed class AccrueCommissions(PartnerHubDb db, CommissionInputs inputs, PostTransaction post)
{
    public const string AccrualPrefix = "revenue-event:";

    public async Task<Result<CommissionOutcome>> HandleAsync(RevenueEventRecord e, CancellationToken ct)
    {
        if (e.PartnerId is not { } partner) return new CommissionOutcome([], ["Unattributed: nothing accrues until the event is attributed to a partner."]);
        var lines = new List<CommissionLine>();
        var notes = new List<string>();
        if (CommissionCalculator.Reverses(e.Kind))
        {
            var clawed = await ClawBackAsync(e, lines, notes, ct);
            return clawed.IsSuccess ? new CommissionOutcome(lines, notes) : clawed.Error;
        }

        var published = await inputs.ProgramAtAsync(e.OccurredOn, ct);
        var program = published.Program;
        if (!CommissionCalculator.Accrues(program, e.Kind))
        {
            notes.Add(CommissionCalculator.Compute(program, published.Label, new CommissionPartner("", "", Agreement.None), new StandingAtDate("", null, 0),
                CustomerHistory.Unknown(e.OccurredOn), new CommissionEvent(e.Kind, e.OccurredOn, Amount(e))).Explanation);
            return new CommissionOutcome(lines, notes);
        }

        if (await inputs.PartnerAsync(partner, ct) is not { } who) return Error.NotFound("Partner", partner);
        var standing = await inputs.StandingAsync(program, partner, who.Terms, e.OccurredOn, ct);
        var customer = await inputs.CustomerAsync(e, ct);
        var decision = CommissionCalculator.Compute(program, published.Label, who.Partner, standing, customer, new CommissionEvent(e.Kind, e.OccurredOn, Amount(e)));
        var now = db.Clock.GetUtcNow();
        foreach (var part in decision.Parts)
        {
            var accrual = LedgerCommissions.Accrue(AccrualPrefix + e.Id.ToString(CultureInfo.InvariantCulture) + part.Suffix, partner, part.Basis, e.OccurredOn, now, part.Expense);
            if (!accrual.IsSuccess) return accrual.Error;
            var posted = await post.HandleAsync(accrual.Value, ct, fresh: true); // the event was attributed just now: its accrual keys are new
            if (!posted.IsSuccess) return posted.Error;
            lines.Add(Line(posted.Value.Transaction, partner));
        }

        if (decision.Parts.Count == 0) notes.Add(decision.Explanation);

        // Refunds of this payment that arrived first are settled now, each by its own share.
        var refunds = !inputs.MayBeReversed(e.ExternalId) ? [] : await db.Set<RevenueEventRecord>().AsNoTracking().IgnoreQueryFilters()
            .Where(r => r.OriginalExternalId == e.ExternalId && r.PartnerId == partner && (r.Kind == Core.Facts.RevenueKind.Refund || r.Kind == Core.Facts.RevenueKind.Chargeback))
            .OrderBy(r => r.Id).ToListAsync(ct);
        foreach (var refund in refunds)
        {
            var clawed = await ClawBackAsync(refund, lines, notes, ct);
            if (!clawed.IsSuccess) return clawed.Error;
        }

        return new CommissionOutcome(lines, notes);
    }

    /// <summary>The ledger lines already posted for an event: its accruals, or its clawbacks.</summary>
    public async Task<IReadOnlyList<CommissionLine>> LinesOfAsync(RevenueEventRecord e, CancellationToken ct)
    {
        var id = e.Id.ToString(CultureInfo.InvariantCulture);
        var keys = new[] { AccrualPrefix + id, AccrualPrefix + id + ":flat" };
        var clawbackPrefix = $"clawback:{id}:";
        var transactions = await LedgerReader.LoadAsync(db, db.LedgerTransactions.Where(t => keys.Contains(t.SourceKey) || t.SourceKey.StartsWith(clawbackPrefix)), ct);
        return transactions.OrderBy(t => t.PostedAt).ThenBy(t => t.SourceKey, StringComparer.Ordinal)
            .Select(t => Line(t, e.PartnerId ?? default)).ToList();
    }

    private async Task<Result> ClawBackAsync(RevenueEventRecord refund, List<CommissionLine> lines, List<string> notes, CancellationToken ct)
    {
        if (refund.OriginalExternalId is not { } originalId)
        {
            notes.Add($"No clawback: the {Lower(refund)} names no payment, and none of the customer's earlier payments with this partner was found.");
            return Result.Success;
        }

        var payment = await db.Set<RevenueEventRecord>().AsNoTracking().IgnoreQueryFilters().FirstOrDefaultAsync(p => p.ExternalId == originalId, ct);
        if (payment is null)
        {
            notes.Add($"No clawback yet: payment '{originalId}' has not arrived; it is clawed back when the payment arrives.");
            return Result.Success;
        }

        if (payment.PartnerId != refund.PartnerId)
        {
            notes.Add($"No clawback: payment '{originalId}' is attributed to another partner (or none).");
            return Result.Success;
        }

        if (payment.Currency != refund.Currency)
        {
            notes.Add($"No clawback: the payment is in {payment.Currency}, the {Lower(refund)} in {refund.Currency}.");
            return Result.Success;
        }

        var paymentId = payment.Id.ToString(CultureInfo.InvariantCulture);
        var keys = new[] { AccrualPrefix + paymentId, AccrualPrefix + paymentId + ":flat" };
        var accruals = await LedgerReader.LoadAsync(db, db.LedgerTransactions.Where(t => keys.Contains(t.SourceKey)), ct);
        if (accruals.Count == 0)
        {
            notes.Add($"Nothing to claw back: payment '{originalId}' earned no commission.");
            return Result.Success;
        }

        // Each refund's share depends only on the refunds of the same payment received before it (by arrival).
        var refundedBefore = await db.Set<RevenueEventRecord>().AsNoTracking().IgnoreQueryFilters()
            .Where(r => r.OriginalExternalId == originalId && r.PartnerId == refund.PartnerId && r.Id < refund.Id
                && (r.Kind == Core.Facts.RevenueKind.Refund || r.Kind == Core.Facts.RevenueKind.Chargeback))
            .SumAsync(r => r.AmountMinor, ct);
        var now = db.Clock.GetUtcNow();
        var reason = string.Create(CultureInfo.InvariantCulture,
            $"{Lower(refund)} '{refund.ExternalId}' of {Amount(refund)} on {refund.OccurredOn:yyyy-MM-dd} against payment '{originalId}' of {Amount(payment)}");
        foreach (var accrual in accruals.OrderBy(a => a.SourceKey, StringComparer.Ordinal))
        {
            var key = string.Create(CultureInfo.InvariantCulture, $"clawback:{refund.Id}:{accrual.Id}");
            if (await LedgerReader.FindBySourceAsync(db, key, ct) is { } done)
            {
                lines.Add(Line(done, refund.PartnerId!.Value));
                continue;
            }

            var related = await LedgerReader.LoadAsync(db, db.LedgerTransactions.Where(t => t.RelatesTo == accrual.Id), ct);
            var position = AccrualPosition.Of(accrual, related);
            if (!position.IsSuccess) return position.Error;
            var accrued = position.Value.Shares.Sum(s => s.Accrued.Minor);
            var take = Math.Min(CommissionCalculator.ClawbackMinor(accrued, payment.AmountMinor, refundedBefore, refund.AmountMinor), position.Value.Clawable.Minor);
            if (take <= 0) continue;
            var share = string.Create(CultureInfo.InvariantCulture,
                $"{reason}: {Display(take, position.Value.Currency)} of the {Display(accrued, position.Value.Currency)} accrued, in proportion to the amount refunded");
            var clawback = LedgerCommissions.Clawback(key, accrual, related, new Money(take, position.Value.Currency), share, refund.OccurredOn, now);
            if (!clawback.IsSuccess) return clawback.Error;
            var posted = await post.HandleAsync(clawback.Value, ct);
            if (!posted.IsSuccess) return posted.Error;
            lines.Add(Line(posted.Value.Transaction, refund.PartnerId!.Value));
        }

        return Result.Success;
    }

    internal static CommissionLine Line(LedgerTransaction t, PartnerId partner)
    {
        var own = t.Entries.Where(e => e.PartnerId == partner && e.Account is LedgerAccount.CommissionHeld or LedgerAccount.CommissionPayable).ToList();
        var expense = t.Entries.First(e => e.PartnerId is null);
        var amount = -own.Sum(e => e.Amount.Minor); // credits to the partner are negative lines: owed to it is positive here
        var currency = expense.Amount.Currency;
        var basis = own.Select(e => e.Basis).FirstOrDefault(b => b is not null) ?? expense.Basis;
        return new CommissionLine(t.Id.Value, t.Kind == LedgerTransactionKind.Accrual ? "accrual" : t.Kind == LedgerTransactionKind.Clawback ? "clawback" : t.Kind.ToString().ToLowerInvariant(),
            basis?.RevenueModel, amount, new Money(amount, currency).ToMajor().ToString(CultureInfo.InvariantCulture), currency.Code, basis?.Percent,
            basis?.Tier, basis?.ProgramVersion, basis?.Explanation ?? own.FirstOrDefault()?.Explanation ?? t.Description);
    }

    private static Money Amount(RevenueEventRecord e) => new(e.AmountMinor, Currency.Parse(e.Currency).Value);

    private static string Display(long minor, Currency currency) => new Money(minor, currency).ToString();

    private static string Lower(RevenueEventRecord e) => e.Kind.ToString().ToLowerInvariant();
}
