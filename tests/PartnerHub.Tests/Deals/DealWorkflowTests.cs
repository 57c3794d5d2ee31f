using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using PartnerHub.App.Deals;
using PartnerHub.App.Persistence;
using PartnerHub.Core.Common;
using PartnerHub.Core.Deals;
using PartnerHub.Tests.Infrastructure;

namespace PartnerHub.Tests.Deals;

/// <summary>The registration workflow through the use cases, with a fake clock, on SQLite and PostgreSQL.</summary>
public abstract class DealWorkflowTests(DatabaseProvider provider) : IAsyncLifetime
{
    private AppHarness _app = null!;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _app = await AppHarness.CreateAsync(provider);

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private Task<Result<DealView>> Approve(DealId id) => _app.Run<ApproveDeal, Result<DealView>>(u => u.HandleAsync(id, "Looks good", Ct), As.Manager);

    private Task<int> ExpireDue() => _app.Run<ExpireDeals, int>(u => u.HandleAsync(Ct));

    private async Task<DealView> GetAsync(DealId id) => (await _app.Run<GetDeal, Result<GetDeal.DealDetails>>(u => u.HandleAsync(id, Ct))).Ok().Deal;

    [Fact]
    public async Task Submit_approve_and_win_record_every_transition_in_history_and_audit_trail()
    {
        var partner = await _app.PartnerAsync();
        var registered = (await _app.RegisterAsync(partner, DealData.Details("Acme Holdings Ltd", "https://shop." + Build.Unique("acme") + ".co.uk/x"))).Ok();
        Assert.Equal(("submitted", TestApp.Start, TestApp.Start.AddHours(48)), (registered.Deal.Status, registered.Deal.SubmittedAt, registered.Deal.DecisionDueAt));
        Assert.Equal(ConflictOutcome.Clear, registered.Conflicts.Outcome);
        Assert.StartsWith("shop.", registered.Deal.CustomerDomain);
        Assert.Equal((6_120_050L, "USD"), (registered.Deal.EstimatedValueMinor, registered.Deal.Currency));
        var id = new DealId(registered.Deal.Id);

        _app.Clock.Advance(TimeSpan.FromHours(3));
        var approved = (await Approve(id)).Ok();
        Assert.Equal(("approved", TestApp.Start.AddHours(3).AddDays(90), "manager@vendor.example"), (approved.Status, approved.ProtectedUntil, approved.DecidedBy));

        _app.Clock.Advance(TimeSpan.FromDays(30));
        var won = (await _app.Run<MarkDealWon, Result<DealView>>(u => u.HandleAsync(id, "Signed", Ct), As.Manager)).Ok();
        Assert.Equal("won", won.Status);
        Assert.Equal([(null, DealStatus.Submitted), (DealStatus.Submitted, DealStatus.Approved), (DealStatus.Approved, DealStatus.Won)],
            won.History.Select(h => (h.From, h.To)));

        var stored = await GetAsync(id);
        Assert.Equal(won.History, stored.History);
        Assert.Equal(3, stored.Version);

        await using var db = _app.Open();
        var audit = await db.AuditEntries.Where(a => a.Entity == "deal_registration" && a.EntityId == id.ToString()).OrderBy(a => a.At).ToListAsync(Ct);
        Assert.Equal(["created", "updated", "updated"], audit.Select(a => a.Action));
        Assert.Equal(["system", "manager@vendor.example", "manager@vendor.example"], audit.Select(a => a.Actor));
        Assert.Contains(audit[1].Changes, c => c is { Field: "status", Before: "submitted", After: "approved" });
        Assert.Contains(audit[2].Changes, c => c is { Field: "status", Before: "approved", After: "won" });
    }

    [Fact]
    public async Task Reject_needs_a_reason_and_frees_the_customer_for_another_partner()
    {
        var (first, second) = (await _app.PartnerAsync(), await _app.PartnerAsync());
        var domain = Build.Unique("free") + ".com";
        var id = await _app.RegisteredAsync(first, DealData.Details(domain: domain));

        var noReason = await _app.Run<RejectDeal, Result<DealView>>(u => u.HandleAsync(id, " ", Ct), As.Manager);
        Assert.Equal("reason", Assert.Single(noReason.Failed("validation").Fields!).Key);
        Assert.Equal("submitted", (await GetAsync(id)).Status);

        Assert.Equal("rejected", (await _app.Run<RejectDeal, Result<DealView>>(u => u.HandleAsync(id, "Customer already in talks with us", Ct), As.Manager)).Ok().Status);
        (await _app.RegisterAsync(second, DealData.Details(domain: domain))).Ok();
    }

    [Fact]
    public async Task An_approved_registration_expires_once_its_window_has_passed_and_only_once()
    {
        var id = await _app.ApprovedAsync(await _app.PartnerAsync());
        var protectedUntil = (await GetAsync(id)).ProtectedUntil!.Value;

        _app.Clock.SetUtcNow(protectedUntil);
        Assert.Equal(0, await ExpireDue()); // the last protected instant
        _app.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await ExpireDue());
        Assert.Equal(0, await ExpireDue());

        var expired = await GetAsync(id);
        Assert.Equal("expired", expired.Status);
        Assert.Contains("without a win or loss", expired.History[^1].Reason);
        var late = await _app.Run<MarkDealWon, Result<DealView>>(u => u.HandleAsync(id, null, Ct), As.Manager);
        late.Failed("deal_not_approved");
    }

    [Fact]
    public async Task The_expiry_service_expires_registrations_as_the_clock_moves()
    {
        var id = await _app.ApprovedAsync(await _app.PartnerAsync());
        using var service = new DealExpiryService(_app.Services.GetRequiredService<IServiceScopeFactory>(), _app.Clock, NullLogger<DealExpiryService>.Instance);
        await service.StartAsync(Ct);
        try
        {
            _app.Clock.Advance(TimeSpan.FromDays(90) + DealExpiryService.Every);
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while ((await GetAsync(id)).Status != "expired" && DateTime.UtcNow < deadline) await Task.Delay(50, Ct);
            Assert.Equal("expired", (await GetAsync(id)).Status);
        }
        finally
        {
            await service.StopAsync(Ct);
        }
    }

    [Fact]
    public async Task A_pending_extension_request_holds_expiry_and_a_grant_extends_the_window_from_its_old_end()
    {
        var id = await _app.ApprovedAsync(await _app.PartnerAsync());
        var end = (await GetAsync(id)).ProtectedUntil!.Value;

        _app.Clock.SetUtcNow(end.AddDays(-5));
        var requested = (await _app.Run<RequestDealExtension, Result<DealView>>(u => u.HandleAsync(id, "Procurement needs another month", Ct))).Ok();
        Assert.Equal(_app.Clock.GetUtcNow(), requested.ExtensionPendingSince);

        _app.Clock.SetUtcNow(end.AddDays(3)); // past the window, decision still pending
        Assert.Equal(0, await ExpireDue());
        var granted = (await _app.Run<GrantDealExtension, Result<DealView>>(u => u.HandleAsync(id, null, Ct), As.Manager)).Ok();
        Assert.Equal((end.AddDays(30), 1, (DateTimeOffset?)null), (granted.ProtectedUntil, granted.ExtensionsGranted, granted.ExtensionPendingSince));
        Assert.Equal(0, await ExpireDue());

        _app.Clock.SetUtcNow(end.AddDays(30).AddMinutes(1));
        Assert.Equal(1, await ExpireDue());
    }

    [Fact]
    public async Task Extensions_stop_at_the_program_maximum_and_a_denial_needs_a_reason()
    {
        var id = await _app.ApprovedAsync(await _app.PartnerAsync());
        for (var i = 0; i < 2; i++)
        {
            (await _app.Run<RequestDealExtension, Result<DealView>>(u => u.HandleAsync(id, "More time", Ct))).Ok();
            (await _app.Run<GrantDealExtension, Result<DealView>>(u => u.HandleAsync(id, null, Ct), As.Manager)).Ok();
        }

        (await _app.Run<RequestDealExtension, Result<DealView>>(u => u.HandleAsync(id, "Once more", Ct))).Failed("deal_extension_limit");

        var other = await _app.ApprovedAsync(await _app.PartnerAsync());
        (await _app.Run<RequestDealExtension, Result<DealView>>(u => u.HandleAsync(other, "More time", Ct))).Ok();
        (await _app.Run<DenyDealExtension, Result<DealView>>(u => u.HandleAsync(other, "", Ct), As.Manager)).Failed("validation");
        var denied = (await _app.Run<DenyDealExtension, Result<DealView>>(u => u.HandleAsync(other, "No activity logged", Ct), As.Manager)).Ok();
        Assert.Equal(false, Assert.Single(denied.Extensions).Granted);
    }

    [Fact]
    public async Task Overdue_lists_submissions_and_extension_requests_undecided_past_the_response_target()
    {
        var partner = await _app.PartnerAsync();
        var waiting = await _app.RegisteredAsync(partner);
        var extending = await _app.ApprovedAsync(partner);
        (await _app.Run<RequestDealExtension, Result<DealView>>(u => u.HandleAsync(extending, "More time", Ct))).Ok();

        _app.Clock.Advance(TimeSpan.FromHours(47));
        Assert.Empty(await _app.Run<OverdueDeals, IReadOnlyList<OverdueDeals.Item>>(u => u.HandleAsync(100, Ct), As.Manager));

        _app.Clock.Advance(TimeSpan.FromHours(2));
        var overdue = await _app.Run<OverdueDeals, IReadOnlyList<OverdueDeals.Item>>(u => u.HandleAsync(100, Ct), As.Manager);
        Assert.Equal([(waiting.Value, OverdueDeals.Awaiting.Decision), (extending.Value, OverdueDeals.Awaiting.ExtensionDecision)],
            overdue.Select(o => (o.Deal.Id, o.Awaiting)));
        Assert.Equal(TimeSpan.FromHours(1), overdue[0].OverdueBy);
        Assert.True(overdue[0].Deal.DecisionOverdue);

        (await Approve(waiting)).Ok();
        Assert.Equal([extending.Value], (await _app.Run<OverdueDeals, IReadOnlyList<OverdueDeals.Item>>(u => u.HandleAsync(100, Ct))).Select(o => o.Deal.Id));
    }

    [Fact]
    public async Task The_terms_come_from_the_program_version_in_force()
    {
        var terms = await _app.Run<DealSettingsSource, DealTerms>(u => u.CurrentAsync(Ct));
        Assert.Equal(new PartnerHub.Core.Programs.DealRegistrationSettings(90, 30, 2, 48, 45), terms.Registration);
        Assert.Equal((1, 45), (terms.ProgramVersion, terms.HoldingDays));

        // A new version with shorter protection and one extension of 10 days, in force from tomorrow.
        var yaml = PartnerHub.App.Programs.ProgramStore.DefaultYaml()
            .Replace("  protectionDays: 90\n  extensionDays: 30\n  maxExtensions: 2\n  managerResponseHours: 48\n  commissionHoldingDays: 45",
                "  protectionDays: 30\n  extensionDays: 10\n  maxExtensions: 1\n  managerResponseHours: 24\n  commissionHoldingDays: 60", StringComparison.Ordinal);
        (await _app.Run<PartnerHub.App.Programs.PublishProgram, Result<PartnerHub.App.Programs.ProgramVersion>>(
            u => u.HandleAsync(yaml, "shorter.yaml", _app.Today.AddDays(1), Ct))).Ok();
        var partner = await _app.PartnerAsync();
        var before = await _app.ApprovedAsync(partner);
        Assert.Equal(_app.Clock.GetUtcNow().AddDays(90), (await GetAsync(before)).ProtectedUntil);

        _app.Clock.Advance(TimeSpan.FromDays(1));
        terms = await _app.Run<DealSettingsSource, DealTerms>(u => u.CurrentAsync(Ct));
        Assert.Equal((2, 60, 24), (terms.ProgramVersion, terms.HoldingDays, terms.Registration.ManagerResponseHours));
        var after = await _app.ApprovedAsync(partner);
        var approvedAt = _app.Clock.GetUtcNow();
        Assert.Equal(approvedAt.AddDays(30), (await GetAsync(after)).ProtectedUntil);
        Assert.Equal(approvedAt.AddHours(24), (await GetAsync(await _app.RegisteredAsync(partner))).DecisionDueAt);
        (await _app.Run<RequestDealExtension, Result<DealView>>(u => u.HandleAsync(after, "More time", Ct))).Ok();
        var granted = (await _app.Run<GrantDealExtension, Result<DealView>>(u => u.HandleAsync(after, null, Ct), As.Manager)).Ok();
        Assert.Equal(approvedAt.AddDays(40), granted.ProtectedUntil);
        (await _app.Run<RequestDealExtension, Result<DealView>>(u => u.HandleAsync(after, "Even more", Ct))).Failed("deal_extension_limit");
    }

    [Fact]
    public async Task A_deal_cannot_be_won_after_its_window_or_decided_twice()
    {
        var id = await _app.ApprovedAsync(await _app.PartnerAsync());
        (await Approve(id)).Failed("deal_not_submitted");
        _app.Clock.Advance(TimeSpan.FromDays(91));
        (await _app.Run<MarkDealWon, Result<DealView>>(u => u.HandleAsync(id, null, Ct), As.Manager)).Failed("deal_expired");
    }

    [Fact]
    public async Task A_concurrent_change_is_refused_by_the_version_check_not_overwritten()
    {
        var id = await _app.RegisteredAsync(await _app.PartnerAsync());
        await using var first = _app.Open(As.Manager);
        await using var second = _app.Open(As.Manager);
        var a = await first.DealRegistrations.SingleAsync(d => d.Id == id, Ct);
        var b = await second.DealRegistrations.SingleAsync(d => d.Id == id, Ct);
        Assert.True(a.Approve("m1", new PartnerHub.Core.Programs.DealRegistrationSettings(90, 30, 2, 48, 45), _app.Clock.GetUtcNow()).IsSuccess);
        Assert.True(b.Reject("m2", "duplicate", _app.Clock.GetUtcNow()).IsSuccess);
        await first.SaveChangesAsync(Ct);
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync(Ct));
        Assert.Equal("approved", (await GetAsync(id)).Status);
    }
}

public sealed class DealWorkflowOnSqlite() : DealWorkflowTests(DatabaseProvider.Sqlite);

public sealed class DealWorkflowOnPostgres() : DealWorkflowTests(DatabaseProvider.Postgres);
