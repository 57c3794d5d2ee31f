using PartnerHub.App.Ledger;
using PartnerHub.Core.Common;
using PartnerHub.Core.Ledger;
using PartnerHub.Core.Partners;
using PartnerHub.Tests.Deals;
using PartnerHub.Tests.Infrastructure;

namespace PartnerHub.Tests.Ledger;

/// <summary>Ledger inputs with sensible defaults, and posting through the use case.</summary>
internal static class LedgerData
{
    public static readonly Currency Usd = Currency.Usd;

    public static Money Usd_(long minor) => new(minor, Usd);

    public static AccrualBasis RevenueShare(long baseMinor, decimal percent, string tier = "preferred") => AccrualBasis.Rate(
        "revenue-share", Usd_(baseMinor), percent, tier, "2026.1",
        $"Revenue share {percent}% of {Usd_(baseMinor)} collected, {tier} tier, program 2026.1.");

    public static LedgerTransaction Accrual(AppHarness app, PartnerId partner, AccrualBasis basis, DateOnly? on = null, string? source = null) =>
        Commissions.Accrue(source ?? $"event:{Guid.NewGuid():N}", partner, basis, on ?? app.Today, app.Clock.GetUtcNow()).Value;

    public static async Task<LedgerTransaction> PostAsync(this AppHarness app, LedgerTransaction transaction)
    {
        var posted = await app.Run<PostTransaction, Result<PostTransaction.Posted>>(p => p.HandleAsync(transaction, CancellationToken.None));
        return posted.Ok().Transaction;
    }

    public static async Task<LedgerTransaction> PostAsync(this AppHarness app, Result<LedgerTransaction> transaction) => await app.PostAsync(transaction.Ok());
}
