using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PartnerHub.App.Commissions;
using PartnerHub.App.Facts;
using PartnerHub.App.Partners;
using PartnerHub.App.Revenue;
using PartnerHub.Core.Common;
using PartnerHub.Core.Partners;
using PartnerHub.Tests.Deals;
using PartnerHub.Tests.Infrastructure;

namespace PartnerHub.Tests.Revenue;

/// <summary>Revenue events with sensible defaults, sent through the API's use case, and what they left in the ledger.</summary>
internal static class RevenueData
{
    public static RevenueEventInput Payment(string id, string amount, string on = "2026-05-10", string? partner = null, string? customer = null) => new()
    {
        Id = id, Kind = "payment", OccurredOn = on, Amount = amount, Currency = "USD", Partner = partner, Customer = customer, Source = "billing",
    };

    public static RevenueEventInput Refund(string id, string amount, string? refunds, string on = "2026-05-20", string? partner = null, string? customer = null) => new()
    {
        Id = id, Kind = "refund", OccurredOn = on, Amount = amount, Currency = "USD", Refunds = refunds, Partner = partner, Customer = customer, Source = "billing",
    };

    /// <summary>A partner of the subcategory with an agreement since 2025-01-01 (so it has a standing: Standard without revenue or ratings).</summary>
    public static async Task<PartnerId> PartnerOfAsync(this AppHarness app, string subcategory, string? model = null, DateOnly? since = null)
    {
        var created = await app.Run<SavePartner, Result<PartnerView>>(s => s.CreateAsync(Build.Partner() with
        {
            Subcategory = subcategory, RevenueModel = model, AgreementStartsOn = since ?? new DateOnly(2025, 1, 1),
        }, CancellationToken.None));
        return new PartnerId(created.Ok().Id);
    }

    public static async Task<Result<StoredResponse>> IngestAsync(this AppHarness app, RevenueEventInput input, string? key = null) =>
        await app.Run<IngestRevenueEvent, Result<StoredResponse>>(i => i.HandleAsync(input, key, CancellationToken.None));

    public static async Task<RevenueEventReceipt> SendAsync(this AppHarness app, RevenueEventInput input, string? key = null)
    {
        var response = (await app.IngestAsync(input, key)).Ok();
        return JsonSerializer.Deserialize<RevenueEventReceipt>(response.Json, IngestRevenueEvent.Json)!;
    }

    /// <summary>What the partner is owed in held and payable commission (minor units), summed from its ledger lines.</summary>
    public static async Task<long> OwedAsync(this AppHarness app, PartnerId partner)
    {
        await using var db = app.Open();
        var lines = await db.LedgerEntries.Where(e => e.PartnerId == partner
            && (e.Account == Core.Ledger.LedgerAccount.CommissionHeld || e.Account == Core.Ledger.LedgerAccount.CommissionPayable)).Select(e => e.AmountMinor).ToListAsync();
        return -lines.Sum();
    }

    public static async Task<RevenueEventRecord> EventAsync(this AppHarness app, string externalId)
    {
        await using var db = app.Open();
        return await db.Set<RevenueEventRecord>().AsNoTracking().SingleAsync(e => e.ExternalId == externalId);
    }

    public static long Total(this RevenueEventReceipt receipt) => receipt.Ledger.Sum(l => l.AmountMinor);

    public static CommissionLine Single(this RevenueEventReceipt receipt) => Assert.Single(receipt.Ledger);
}
