using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PartnerHub.App.Commissions;
using PartnerHub.App.Deals;
using PartnerHub.App.Facts;
using PartnerHub.App.Ledger;
using PartnerHub.App.Persistence;
using PartnerHub.Core.Deals;
using PartnerHub.Core.Facts;
using PartnerHub.Core.Partners;

namespace PartnerHub.App.Demo;

/// <summary>
/// The demo's deal registrations and money, so Deals, Statements and Payouts show a running program on first start:
/// registrations in every state of the workflow (one waiting past the response target, one asking for an extension,
/// one a possible duplicate of another partner's, won ones with their customer's payments), commission accrued through the real path (<see cref="AccrueCommissions"/>)
/// on the last months' payments and refunds, released after the holding period, the last three months closed into
/// statements, and one payout batch paid. Deterministic for a given date.
/// </summary>
public sealed class DemoMoney(PartnerHubDb db, DealSettingsSource settings, AccrueCommissions accrue, ReleaseHeldCommissions release,
    CloseStatements close, CreatePayoutBatch createPayout, MarkPayoutPaid markPaid)
{
    /// <summary>Months of revenue, before the current one, whose commission is in the demo ledger.</summary>
    public const int LedgerMonths = 4;

    /// <summary>The demo's paid batch pays balances of at least this much; smaller ones stay payable for a first batch of your own.</summary>
    public const string PaidBatchMinimum = "1000.00";

    private static readonly string[] Customers =
    [
        "Acme Robotics", "Globex Logistics", "Initech Software", "Umbrella Health", "Stark Components", "Wayne Freight", "Hooli Cloud",
        "Vandelay Imports", "Soylent Foods", "Tyrell Biotech", "Cyberdyne Systems", "Wonka Confectionery", "Monarch Airlines", "Oscorp Labs",
        "Pied Piper Data", "Dunder Paper", "Aperture Science", "Blue Sun Energy", "Nakatomi Trading", "Sterling Advertising",
        "Bluth Homes", "Massive Dynamic", "Virtucon Mining", "Wernham Stationery", "Gekko Capital", "Prestige Worldwide", "Spacely Sprockets",
        "Cogswell Cogs", "Kramerica Industries", "Zorg Manufacturing", "Ollivander Crafts", "Duff Brewing", "Krusty Kitchens", "Abstergo Media",
        "Rekall Travel", "Weyland Mining", "Omni Consumer", "Buy n Large", "Strickland Propane", "Los Pollos Retail",
    ];

    /// <summary>What happens to a demo registration, told in days before today.</summary>
    private enum Story
    {
        WaitingForDecision,
        OverdueDecision,
        Protected,
        AsksForExtension,
        WonAndPaying,
        Lost,
        Rejected,
        Expired,

        /// <summary>Waiting, for a customer whose name is close to Zapier's protected one: the manager sees a possible duplicate.</summary>
        LooksLikeAnother,
    }

    public async Task LoadAsync(CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(db.Clock.GetUtcNow().UtcDateTime);
        await RegisterDealsAsync(today, ct);
        await AccrueAsync(today, ct);
        Ensure((await release.HandleAsync(ct)).Error, "release");
        for (var month = LedgerMonths - 1; month >= 1; month--)
            Ensure((await close.HandleAsync(today.AddMonths(-month).ToString("yyyy-MM", CultureInfo.InvariantCulture), ct)).Error, "statements");
        var batch = await createPayout.HandleAsync("USD", PaidBatchMinimum, ct);
        if (batch.IsSuccess)
            Ensure((await markPaid.HandleAsync(new PayoutBatchId(batch.Value.Id), $"DEMO-ACH-{today:yyyyMMdd}", today, ct)).Error, "payout");
    }

    /// <summary>Two portal partners tell every story between them; channel and service partners get two each.</summary>
    private async Task RegisterDealsAsync(DateOnly today, CancellationToken ct)
    {
        var partners = await db.Partners.AsNoTracking()
            .Where(p => p.Stage == LifecycleStage.Active && p.ArchivedAt == null)
            .OrderBy(p => p.Domain).Select(p => new { p.Id, p.Domain, p.Subcategory }).ToListAsync(ct);
        var cast = new List<(PartnerId Partner, Story Story)>();
        void Tell(string domain, params Story[] stories)
        {
            if (partners.FirstOrDefault(p => p.Domain == domain) is { } partner) cast.AddRange(stories.Select(s => (partner.Id, s)));
        }

        Tell("zapier.com", Story.WaitingForDecision, Story.Protected, Story.WonAndPaying, Story.Rejected);
        Tell("make.com", Story.OverdueDecision, Story.AsksForExtension, Story.WonAndPaying, Story.Lost, Story.Expired);
        var stories = Enum.GetValues<Story>().Where(s => s != Story.LooksLikeAnother).ToArray(); // told once, below
        var channel = partners.Where(p => p.Subcategory is "resellers" or "marketing-agencies" or "technology-consultants").Take(12).ToList();
        for (var i = 0; i < channel.Count; i++)
            cast.AddRange([(channel[i].Id, stories[(i * 2) % stories.Length]), (channel[i].Id, stories[((i * 2) + 1) % stories.Length])]);
        if (channel.Count > 0) cast.Add((channel[^1].Id, Story.LooksLikeAnother));

        var terms = (await settings.CurrentAsync(ct)).Registration;
        var now = db.Clock.GetUtcNow();
        var manager = DemoEcosystem.Managers[0];
        for (var i = 0; i < cast.Count && i < Customers.Length; i++)
        {
            var (partner, story) = cast[i];
            DateTimeOffset Ago(double days) => now.AddDays(-days);
            var submitted = Ago(story switch
            {
                Story.WaitingForDecision or Story.LooksLikeAnother => 0.1,
                Story.OverdueDecision => 4,
                Story.Protected => 20,
                Story.AsksForExtension => terms.ProtectionDays - 4,
                Story.WonAndPaying => 150,
                Story.Lost => 120,
                Story.Rejected => 40,
                _ => terms.ProtectionDays + 40,
            });
            var customer = story == Story.LooksLikeAnother ? "Globex Logistic" : Customers[i]; // Zapier's is Globex Logistics
            var value = 6_000 + ((i * 7_919) % 40_000);
            var details = new DealRegistrationDetails
            {
                CustomerName = customer + (i % 3 == 0 ? " Inc." : i % 3 == 1 ? " Ltd" : ""),
                CustomerDomain = customer.ToLowerInvariant().Replace(' ', '-') + ".example",
                ContactName = "Alex Morgan", ContactEmail = "alex.morgan@" + customer.ToLowerInvariant().Replace(' ', '-') + ".example",
                Product = value > 30_000 ? "Enterprise plan" : "Team plan", EstimatedValue = value.ToString(CultureInfo.InvariantCulture) + ".00", Currency = "USD",
                ExpectedCloseOn = DateOnly.FromDateTime(submitted.AddDays(75).UtcDateTime),
            };
            var deal = DealRegistration.Submit(Valid(details, submitted), partner, submitted);
            var decided = submitted.AddHours(20);
            switch (story)
            {
                case Story.Protected or Story.AsksForExtension or Story.WonAndPaying or Story.Lost or Story.Expired:
                    Ensure(deal.Approve(manager, terms, decided).Error, customer);
                    break;
                case Story.Rejected:
                    Ensure(deal.Reject(manager, "The customer buys directly from us (in the CRM since 2024).", decided).Error, customer);
                    break;
            }

            switch (story)
            {
                case Story.AsksForExtension:
                    Ensure(deal.RequestExtension("Procurement moved the signature to next quarter.", terms, Ago(1)).Error, customer);
                    break;
                case Story.WonAndPaying:
                    var won = Ago(100);
                    Ensure(deal.MarkWon(won, manager, "Signed a 12-month subscription.").Error, customer);
                    AddPayments(deal, value, DateOnly.FromDateTime(won.UtcDateTime), today);
                    break;
                case Story.Lost:
                    Ensure(deal.MarkLost(Ago(60), manager, "The customer chose to build in-house.").Error, customer);
                    break;
                case Story.Expired:
                    Ensure(deal.Expire(deal.ProtectedUntil!.Value.AddHours(1)).Error, customer);
                    break;
            }

            db.DealRegistrations.Add(deal);
        }

        await db.SaveChangesAsync(ct);
        await FactWrites.BumpAsync(db, ct);
        db.ChangeTracker.Clear();
    }

    /// <summary>A won deal's booking, then its subscription paid monthly, attributed through the registration.</summary>
    private void AddPayments(DealRegistration deal, long value, DateOnly won, DateOnly today)
    {
        var received = new DateTimeOffset(today.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        RevenueEventRecord Event(string id, RevenueKind kind, DateOnly on, long minor) => new()
        {
            ExternalId = $"demo-{id}-{deal.Id}", PartnerId = deal.PartnerId, Kind = kind, OccurredOn = on, AmountMinor = minor, Currency = "USD",
            CustomerRef = deal.CustomerRegistrableDomain, CustomerDomain = deal.CustomerHost, DealRegistrationId = deal.Id.Value, Source = "demo",
            ReceivedAt = received, Attribution = "registration", AttributionNote = $"Attributed through deal registration {deal.Id} ({deal.CustomerName}, won).",
            AttributedAt = received, AttributedBy = "demo",
        };
        db.Add(Event("booking", RevenueKind.Booking, won, value * 100));
        for (var on = won.AddDays(10); on <= today; on = on.AddMonths(1))
            db.Add(Event($"payment-{on:yyyyMM}", RevenueKind.Payment, on, value * 100 / 12));
    }

    /// <summary>Commission on every attributed payment, refund and chargeback since the first ledger month, in the order they happened.</summary>
    private async Task AccrueAsync(DateOnly today, CancellationToken ct)
    {
        var from = new DateOnly(today.Year, today.Month, 1).AddMonths(-LedgerMonths);
        var events = await db.Set<RevenueEventRecord>().AsNoTracking()
            .Where(e => e.PartnerId != null && e.OccurredOn >= from
                && (e.Kind == RevenueKind.Payment || e.Kind == RevenueKind.Refund || e.Kind == RevenueKind.Chargeback))
            .OrderBy(e => e.OccurredOn).ThenBy(e => e.Id).ToListAsync(ct);
        foreach (var e in events)
        {
            Ensure((await accrue.HandleAsync(e, ct)).Error, e.ExternalId);
            db.ChangeTracker.Clear();
        }
    }

    private static ValidDealRegistration Valid(DealRegistrationDetails details, DateTimeOffset at)
    {
        var valid = details.Validate(at);
        Ensure(valid.Error, details.CustomerName ?? "deal");
        return valid.Value;
    }

    private static void Ensure(Core.Common.Error? error, string what) => DemoData.Ensure(error, "money " + what);
}
