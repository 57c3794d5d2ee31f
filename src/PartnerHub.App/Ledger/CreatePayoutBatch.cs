using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PartnerHub.App.Common;
using PartnerHub.App.Persistence;
using PartnerHub.Core.Common;
using PartnerHub.Core.Ledger;

namespace PartnerHub.App.Ledger;

/// <summary>
/// Plans a payout batch in one currency from today's payable balances: every partner at or above the minimum is paid
/// its whole payable balance; smaller balances wait, and negative ones (clawbacks beyond earnings) carry forward
/// against future commission (<see cref="PayoutPlanner"/>). Held commission is not payable. Nothing moves in the
/// ledger until the batch is marked paid. Only one batch per currency may be open, enforced by a unique index, so two
/// finance users cannot plan the same money twice.
/// </summary>
public sealed class CreatePayoutBatch(PartnerHubDb db)
{
    /// <summary>Plans the batch for <paramref name="currency"/> (ISO 4217); <paramref name="minimum"/> is the smallest payout in major units ("50.00"), chosen by finance.</summary>
    public async Task<Result<PayoutBatchView>> HandleAsync(string currency, string minimum, CancellationToken ct)
    {
        if (Access.VendorOnly(db.Actor, "create payout batches") is { } denied) return denied;
        var code = Currency.Parse(currency);
        if (!code.IsSuccess) return code.Error;
        var min = Money.ParseMajor(minimum, code.Value, "minimum");
        if (!min.IsSuccess) return min.Error;
        if (min.Value.Minor <= 0) return Error.Validation("minimum", "The payout minimum must be more than zero.");
        if (await db.PayoutBatches.AnyAsync(b => b.Currency == code.Value && (b.Status == PayoutBatchStatus.Created || b.Status == PayoutBatchStatus.Exported), ct)) return OpenBatch(code.Value);

        var now = db.Clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var c = code.Value;
        var balances = await LedgerReader.BalancesAsync(db.LedgerEntries.AsNoTracking()
            .Where(e => e.Account == LedgerAccount.CommissionPayable && e.Currency == c && e.OccurredOn <= today), ct);
        var plan = PayoutPlanner.Plan(balances, min.Value);
        if (plan.Lines.Count == 0)
            return Error.Unprocessable("payout_nothing_due", string.Create(CultureInfo.InvariantCulture,
                $"No partner has a payable {c} balance of at least {min.Value}; {plan.CarriedForward.Count} carry forward."));

        var (batch, lines) = PayoutBatch.Create(plan, today, now, db.Actor.Name);
        db.PayoutBatches.Add(batch);
        db.PayoutLines.AddRange(lines);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            return OpenBatch(c);
        }

        return PayoutBatchView.From(batch, lines);
    }

    private static Error OpenBatch(Currency currency) =>
        Error.Conflict("payout_batch_open", $"A {currency} payout batch is still open; mark it paid or cancel it before planning the next one.");
}
