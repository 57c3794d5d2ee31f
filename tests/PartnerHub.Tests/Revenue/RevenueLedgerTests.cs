using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PartnerHub.App.Commissions;
using PartnerHub.App.Common;
using PartnerHub.App.Deals;
using PartnerHub.App.Partners;
using PartnerHub.App.Persistence;
using PartnerHub.App.Programs;
using PartnerHub.App.Revenue;
using PartnerHub.Core.Common;
using PartnerHub.Core.Partners;
using PartnerHub.Tests.Deals;
using PartnerHub.Tests.Infrastructure;
using static PartnerHub.Tests.Revenue.RevenueData;

namespace PartnerHub.Tests.Revenue;

/// <summary>
/// Revenue events through the use cases on a real database: every attribution path, accruals with their basis,
/// refunds that claw back exactly, out-of-order arrival, manual attribution once, and the payout projection.
/// Integration partners are on revenue share; without revenue or ratings they hold Standard: 10%.
/// </summary>
public abstract class RevenueLedgerTests(DatabaseProvider provider) : IAsyncLifetime
{
    private AppHarness _app = null!;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _app = await AppHarness.CreateAsync(provider);

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task A_payment_accrues_revenue_share_with_its_basis_and_a_refund_claws_back_exactly_in_proportion()
    {
        var partner = await _app.PartnerOfAsync("integration");
        // 10% (Standard, tier rate) of $1,000.00 = $100.00, held.
        var paid = await _app.SendAsync(Payment("pay-1", "1000.00", partner: partner.Value.ToString(), customer: "cus-1"));
        var accrual = paid.Single();
        Assert.Equal(("accrual", "revenue-share", 10_000L, 10m, "standard", "v1"), (accrual.Kind, accrual.RevenueModel, accrual.AmountMinor, accrual.Percent, accrual.Tier, accrual.ProgramVersion));
        Assert.Contains("10% of 1,000.00 USD = 100.00 USD", accrual.Explanation);
        Assert.Equal(("partner", partner.Value), (paid.Event.Attribution, paid.Event.PartnerId));

        // A refund of $250.00 takes back 25% of the accrual: $25.00; the rest of the payment ($750.00) the other $75.00.
        var first = await _app.SendAsync(Refund("ref-1", "250.00", "pay-1", customer: "cus-1"));
        Assert.Equal(("original", -2_500L), (first.Event.Attribution, first.Single().AmountMinor));
        var second = await _app.SendAsync(Refund("ref-2", "750.00", "pay-1", customer: "cus-1"));
        Assert.Equal(-7_500L, second.Single().AmountMinor);
        Assert.Equal(0L, await _app.OwedAsync(partner));

        // A refund naming no payment reverses the customer's latest payment with the partner; nothing is left to take.
        var third = await _app.SendAsync(Refund("ref-3", "10.00", null, customer: "cus-1", partner: partner.Value.ToString()));
        Assert.Empty(third.Ledger);
        Assert.Equal("pay-1", third.Event.Refunds);
    }

    [Fact]
    public async Task A_history_kept_between_requests_includes_what_another_instance_and_a_manual_attribution_added()
    {
        var partner = await _app.PartnerOfAsync("integration");
        await _app.SendAsync(Payment("kept-1", "100.00", partner: partner.Value.ToString())); // this instance now keeps the partner's history
        Assert.Equal(10_000L, await VolumeAsync(_app, partner));

        await using (var other = _app.Second())
            await other.SendAsync(Payment("kept-2", "200.00", partner: partner.Value.ToString()));
        Assert.Equal(30_000L, await VolumeAsync(_app, partner));

        // An event kept unattributed, then attributed by hand: an older id joins the partner's events.
        var stray = await _app.SendAsync(Payment("kept-3", "400.00", customer: "nobody-yet"));
        await _app.Run<AttributeRevenueEvent, Result<RevenueEventReceipt>>(a => a.HandleAsync(stray.Event.Id, partner.Value.ToString(), "found its partner", Ct));
        Assert.Equal(70_000L, await VolumeAsync(_app, partner));
    }

    [Fact]
    public async Task An_event_whose_commission_reads_no_history_joins_the_kept_copy_instead_of_voiding_it()
    {
        var partner = await _app.PartnerOfAsync("integration");
        await _app.SendAsync(Payment("join-1", "1000.00", partner: partner.Value.ToString(), customer: "cus-join"));
        await _app.SendAsync(Refund("join-2", "250.00", "join-1", customer: "cus-join")); // a clawback: the history is not read

        string database;
        await using (var scope = _app.Scope()) database = scope.ServiceProvider.GetRequiredService<PartnerHubDb>().Database.GetConnectionString()!;
        var kept = _app.Services.GetRequiredService<CommittedHistories>().Find(database, partner);
        Assert.Equal(2, kept?.Count); // without the refund the copy no longer matches the partner's count and is read again in full
        await using var other = _app.Second(); // keeps nothing yet: reads the database
        Assert.Equal(await VolumeAsync(other, partner), await VolumeAsync(_app, partner));
    }

    [Fact]
    public async Task A_batch_finds_each_named_partner_by_id_external_id_or_domain_and_refuses_an_archived_or_unknown_one()
    {
        var byId = await _app.PartnerOfAsync("integration");
        var byExternalId = await CreateAsync(Build.Partner() with { ExternalId = "crm-77" });
        var byDomain = await CreateAsync(Build.Partner() with { Domain = "named-by-domain.example.com" });
        var archived = await CreateAsync(Build.Partner() with { Domain = "archived-partner.example.com" });
        (await _app.Run<SavePartner, Result<PartnerView>>(s => s.ArchiveAsync(new PartnerId(archived.Id), archived.Version, Ct))).Ok();

        RevenueEventInput[] items =
        [
            Payment("named-1", "10.00", partner: byId.Value.ToString()), Payment("named-2", "10.00", partner: "crm-77"),
            Payment("named-3", "10.00", partner: "https://Named-By-Domain.example.com/"), Payment("named-4", "10.00", partner: "archived-partner.example.com"),
            Payment("named-5", "10.00", partner: "nobody.example.com"), Payment("named-6", "10.00", partner: "crm-77"),
        ];
        var response = (await _app.Run<IngestRevenueEvent, Result<StoredResponse>>(i => i.BatchAsync(items, null, Ct))).Ok();
        var receipt = JsonSerializer.Deserialize<BatchReceipt>(response.Json, IngestRevenueEvent.Json)!;

        Assert.Equal([201, 201, 201, 400, 400, 201], receipt.Items.Select(i => i.Status));
        Assert.Equal([byId.Value, byExternalId.Id, byDomain.Id, byExternalId.Id], receipt.Items.Where(i => i.Status == 201).Select(i => i.Receipt!.Event.PartnerId!.Value));
        Assert.All(receipt.Items.Where(i => i.Status == 400), i => Assert.Equal("partner", Assert.Single(i.Problem!.Errors!).Key));
    }

    [Fact]
    public async Task A_refund_ahead_of_its_payment_in_the_same_batch_is_clawed_back_when_the_payment_is_recorded()
    {
        var partner = (await _app.PartnerOfAsync("integration")).Value.ToString();
        RevenueEventInput[] items =
        [
            Refund("same-ref", "400.00", "same-pay", partner: partner, customer: "cus-same"), Payment("same-pay", "1234.56", partner: partner, customer: "cus-same"),
            Payment("same-other", "100.00", partner: partner, customer: "cus-same"),
        ];
        var response = (await _app.Run<IngestRevenueEvent, Result<StoredResponse>>(i => i.BatchAsync(items, null, Ct))).Ok();
        var receipt = JsonSerializer.Deserialize<BatchReceipt>(response.Json, IngestRevenueEvent.Json)!;

        Assert.Empty(receipt.Items[0].Receipt!.Ledger);
        Assert.Equal([12_346L, -4_000L], receipt.Items[1].Receipt!.Ledger.Select(l => l.AmountMinor)); // as when they arrive one by one
        Assert.Equal([1_000L], receipt.Items[2].Receipt!.Ledger.Select(l => l.AmountMinor));
    }

    private async Task<PartnerView> CreateAsync(PartnerDetails details) =>
        (await _app.Run<SavePartner, Result<PartnerView>>(s => s.CreateAsync(details, Ct))).Ok();

    /// <summary>The trailing-12-month volume a commission on 2026-05-31 would see, through a fresh scope of <paramref name="app"/>.</summary>
    private static async Task<long> VolumeAsync(AppHarness app, PartnerId partner)
    {
        await using var scope = app.Scope();
        var inputs = scope.ServiceProvider.GetRequiredService<CommissionInputs>();
        var on = new DateOnly(2026, 5, 31);
        var program = await inputs.ProgramAtAsync(on, Ct);
        var terms = (await inputs.PartnerAsync(partner, Ct))!.Value.Terms;
        return (await inputs.StandingAsync(program.Program, partner, terms, on, Ct)).TrailingVolumeMinor;
    }

    [Fact]
    public async Task A_refund_that_arrives_before_its_payment_is_clawed_back_when_the_payment_arrives()
    {
        var partner = await _app.PartnerOfAsync("integration");
        var early = await _app.SendAsync(Refund("oo-ref", "400.00", "oo-pay", partner: partner.Value.ToString(), customer: "cus-oo"));
        Assert.Empty(early.Ledger);
        Assert.Contains(early.Notes, n => n.Contains("has not arrived", StringComparison.Ordinal));

        // $1,234.56 at 10% = $123.46 (123.456 rounds half away from zero); the $400.00 refund takes round(12346 × 40000 / 123456) = 4000.
        var paid = await _app.SendAsync(Payment("oo-pay", "1234.56", partner: partner.Value.ToString(), customer: "cus-oo"));
        Assert.Equal([12_346L, -4_000L], paid.Ledger.Select(l => l.AmountMinor));
        Assert.Equal(8_346L, await _app.OwedAsync(partner));
    }

    [Fact]
    public async Task Events_are_attributed_through_a_registration_a_customer_domain_a_referral_code_and_the_customers_history()
    {
        var viaRegistration = await _app.PartnerOfAsync("integration");
        var deal = await _app.ApprovedAsync(viaRegistration, DealData.Details("Globex Revenue", "globex-revenue.com"));

        // A won booking through the registration marks it won, and accrues nothing (the program pays on collected revenue).
        var booking = await _app.SendAsync(new RevenueEventInput { Id = "bk-1", Kind = "booking", OccurredOn = "2026-06-01", Amount = "48000.00", DealRegistrationId = deal.Value.ToString() });
        Assert.Equal(("registration", viaRegistration.Value), (booking.Event.Attribution, booking.Event.PartnerId));
        Assert.Empty(booking.Ledger);
        Assert.Contains(booking.Notes, n => n.Contains("marked won", StringComparison.Ordinal));
        Assert.Equal("won", (await _app.Run<GetDeal, Result<GetDeal.DealDetails>>(g => g.HandleAsync(deal, Ct))).Ok().Deal.Status);

        // A payment naming only the customer's domain (with www. and a path) finds the won registration.
        var byDomain = await _app.SendAsync(new RevenueEventInput { Id = "dom-1", Kind = "payment", OccurredOn = "2026-06-02", Amount = "500.00", CustomerDomain = "https://www.globex-revenue.com/billing", Customer = "globex" });
        Assert.Equal(("customer-domain", viaRegistration.Value, 5_000L), (byDomain.Event.Attribution, byDomain.Event.PartnerId, byDomain.Total()));

        // The customer's next payment names nothing but the customer: its earlier revenue decides.
        var byHistory = await _app.SendAsync(Payment("hist-1", "200.00", on: "2026-06-03", customer: "globex"));
        Assert.Equal(("customer", viaRegistration.Value, 2_000L), (byHistory.Event.Attribution, byHistory.Event.PartnerId, byHistory.Total()));

        // A referral partner's code: 10% of $800.00 plus the $250.00 bounty on the first payment.
        var referrer = await _app.PartnerOfAsync("referral");
        (await _app.Run<SaveReferralCode, Result<ReferralCodeView>>(s => s.HandleAsync(referrer, "summit-26", Ct))).Ok();
        var byCode = await _app.SendAsync(new RevenueEventInput { Id = "code-1", Kind = "payment", OccurredOn = "2026-06-04", Amount = "800.00", ReferralCode = "SUMMIT-26", Customer = "initech" });
        Assert.Equal(("referral-code", referrer.Value), (byCode.Event.Attribution, byCode.Event.PartnerId));
        Assert.Equal([8_000L, 25_000L], byCode.Ledger.Select(l => l.AmountMinor).Order());
    }

    [Fact]
    public async Task An_unattributed_event_is_kept_listed_and_attributed_by_hand_once()
    {
        var partner = await _app.PartnerOfAsync("integration");
        var rejected = await _app.RegisteredAsync(partner);
        (await _app.Run<RejectDeal, Result<DealView>>(r => r.HandleAsync(rejected, "Not ours", Ct), As.Manager)).Ok();

        var orphan = await _app.SendAsync(new RevenueEventInput { Id = "orphan-1", Kind = "payment", OccurredOn = "2026-06-05", Amount = "300.00", DealRegistrationId = rejected.Value.ToString() });
        Assert.Null(orphan.Event.PartnerId);
        Assert.Empty(orphan.Ledger);
        Assert.Contains("rejected, not approved or won", orphan.Notes[0]);

        var queue = (await _app.Run<ListRevenueEvents, Result<Page<RevenueEventView>>>(l => l.HandleAsync(new RevenueEventQuery(Unattributed: true), Ct))).Ok();
        Assert.Contains(queue.Items, e => e.Id == orphan.Event.Id);

        var attributed = (await _app.Run<AttributeRevenueEvent, Result<RevenueEventReceipt>>(a => a.HandleAsync(orphan.Event.Id, partner.Value.ToString(), "Confirmed by the account team", Ct), As.Manager)).Ok();
        Assert.Equal(("manual", 3_000L), (attributed.Event.Attribution, attributed.Total()));
        (await _app.Run<AttributeRevenueEvent, Result<RevenueEventReceipt>>(a => a.HandleAsync(orphan.Event.Id, partner.Value.ToString(), null, Ct), As.Manager)).Failed("already_attributed");
        Assert.Equal(3_000L, await _app.OwedAsync(partner));
        var after = (await _app.Run<ListRevenueEvents, Result<Page<RevenueEventView>>>(l => l.HandleAsync(new RevenueEventQuery(Unattributed: true), Ct))).Ok();
        Assert.DoesNotContain(after.Items, e => e.Id == orphan.Event.Id);
    }

    [Fact]
    public async Task A_replay_moves_nothing_and_the_same_key_with_another_body_is_refused()
    {
        var partner = await _app.PartnerOfAsync("integration");
        var first = (await _app.IngestAsync(Payment("idem-1", "100.00", partner: partner.Value.ToString()))).Ok();
        var again = (await _app.IngestAsync(Payment("idem-1", "100.00", partner: partner.Value.ToString()))).Ok();
        Assert.Equal(first, again);
        (await _app.IngestAsync(Payment("idem-1", "101.00", partner: partner.Value.ToString()))).Failed("idempotency_key_reused");
        // Under another key, the same event id with other money: recorded money is never edited.
        (await _app.IngestAsync(Payment("idem-1", "101.00", partner: partner.Value.ToString()), key: "other-key")).Failed("event_id_reused");
        Assert.Equal(1_000L, await _app.OwedAsync(partner));
    }

    [Fact]
    public async Task The_projection_with_the_program_in_force_matches_what_the_ledger_accrued()
    {
        var a = await _app.PartnerOfAsync("integration");
        var b = await _app.PartnerOfAsync("referral");
        await _app.SendAsync(Payment("pj-1", "1000.00", on: "2026-05-02", partner: a.Value.ToString(), customer: "x"));
        await _app.SendAsync(Payment("pj-2", "500.00", on: "2026-05-03", partner: b.Value.ToString(), customer: "y"));
        await _app.SendAsync(Refund("pj-3", "250.00", "pj-2", on: "2026-05-04"));
        await _app.SendAsync(Payment("pj-4", "900.00", on: "2026-04-30", partner: a.Value.ToString(), customer: "z")); // outside the range

        var program = await _app.Run<ProgramStore, PublishedProgram>(p => p.CurrentAsync(Ct));
        var projected = await _app.Run<ProjectPayouts, IReadOnlyDictionary<PartnerId, Money>>(p => p.HandleAsync(program, new DateOnly(2026, 5, 1), new DateOnly(2026, 5, 31), Ct));
        // A: 10% of 1,000.00 = 100.00. B: 10% of 500.00 + 250.00 bounty = 300.00, half refunded: −150.00 → 150.00.
        Assert.Equal(10_000L, projected[a].Minor);
        Assert.Equal(15_000L, projected[b].Minor);
        Assert.Equal(await _app.OwedAsync(b), projected[b].Minor);

        // A candidate program that pays integration partners 20% at Standard doubles A's payout.
        var yaml = program.Yaml.Replace("byTier: { strategic: 20, preferred: 15, standard: 10 }", "byTier: { strategic: 20, preferred: 15, standard: 20 }", StringComparison.Ordinal);
        var candidate = program with { Program = Core.Programs.ProgramFile.Parse(yaml, "candidate").Program!, Number = 99 };
        var what = await _app.Run<ProjectPayouts, IReadOnlyDictionary<PartnerId, Money>>(p => p.HandleAsync(candidate, new DateOnly(2026, 5, 1), new DateOnly(2026, 5, 31), Ct));
        Assert.Equal(20_000L, what[a].Minor);
        await using var db = _app.Open();
        Assert.Equal(0, await db.LedgerTransactions.CountAsync(t => t.Description.Contains("v99"), Ct)); // nothing posted
    }
}

public sealed class RevenueLedgerOnSqlite() : RevenueLedgerTests(DatabaseProvider.Sqlite);

public sealed class RevenueLedgerOnPostgres() : RevenueLedgerTests(DatabaseProvider.Postgres);
