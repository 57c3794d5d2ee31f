using PartnerHub.Core.Deals;
using static PartnerHub.Core.Tests.Deals.DealBuilder;

namespace PartnerHub.Core.Tests.Deals;

public sealed class DealRegistrationTests
{
    private const string Manager = "manager@vendor.example";

    [Fact]
    public void Submit_records_the_instant_and_the_first_history_entry()
    {
        var deal = Submitted();
        Assert.Equal(DealStatus.Submitted, deal.Status);
        Assert.Equal(Now, deal.SubmittedAt);
        Assert.Null(deal.ProtectedUntil);
        Assert.Equal(new StatusChange(null, DealStatus.Submitted, Now, null, null), Assert.Single(deal.History));
    }

    [Fact]
    public void Approve_starts_the_protection_window_at_the_approval_instant()
    {
        var deal = Submitted();
        var approvedAt = Now.AddHours(5);
        Assert.True(deal.Approve(Manager, Settings, approvedAt).IsSuccess);
        Assert.Equal(DealStatus.Approved, deal.Status);
        Assert.Equal(approvedAt.AddDays(90), deal.ProtectedUntil);
        Assert.Equal(Manager, deal.DecidedBy);
        Assert.Equal(approvedAt, deal.DecidedAt);
        Assert.Equal(DealStatus.Submitted, deal.History[^1].From);
    }

    [Fact]
    public void Approve_twice_returns_not_submitted()
    {
        var deal = Approved();
        var result = deal.Approve(Manager, Settings, Now.AddDays(1));
        Assert.Equal("deal_not_submitted", result.Error!.Code);
    }

    [Fact]
    public void Reject_requires_a_reason_and_is_final()
    {
        var deal = Submitted();
        Assert.Equal("reason", Assert.Single(deal.Reject(Manager, " ", Now.AddHours(1)).Error!.Fields!.Keys));
        Assert.Equal(DealStatus.Submitted, deal.Status);

        Assert.True(deal.Reject(Manager, "Customer already in a direct deal.", Now.AddHours(1)).IsSuccess);
        Assert.Equal(DealStatus.Rejected, deal.Status);
        Assert.Equal("Customer already in a direct deal.", deal.DecisionReason);
        Assert.Equal("deal_not_approved", deal.MarkWon(Now.AddHours(2)).Error!.Code);
        Assert.Equal("deal_not_submitted", deal.Approve(Manager, Settings, Now.AddHours(2)).Error!.Code);
    }

    [Fact]
    public void Won_within_the_window_is_won()
    {
        var deal = Approved();
        Assert.True(deal.MarkWon(deal.ProtectedUntil!.Value, "partner").IsSuccess);
        Assert.Equal(DealStatus.Won, deal.Status);
    }

    [Fact]
    public void Won_after_the_window_returns_expired_and_changes_nothing()
    {
        var deal = Approved();
        var version = deal.Version;
        var result = deal.MarkWon(deal.ProtectedUntil!.Value.AddTicks(1));
        Assert.Equal("deal_expired", result.Error!.Code);
        Assert.Equal(DealStatus.Approved, deal.Status);
        Assert.Equal(version, deal.Version);
    }

    [Fact]
    public void Lost_is_final()
    {
        var deal = Approved();
        Assert.True(deal.MarkLost(Now.AddDays(10), "partner", "Chose a competitor").IsSuccess);
        Assert.Equal(DealStatus.Lost, deal.Status);
        Assert.Equal("deal_not_approved", deal.Expire(Now.AddDays(200)).Error!.Code);
    }

    [Fact]
    public void Expire_only_after_the_protection_window()
    {
        var deal = Approved();
        var end = deal.ProtectedUntil!.Value;
        Assert.False(deal.IsDueToExpire(end));
        Assert.Equal("deal_still_protected", deal.Expire(end).Error!.Code);

        Assert.True(deal.IsDueToExpire(end.AddSeconds(1)));
        Assert.True(deal.Expire(end.AddSeconds(1)).IsSuccess);
        Assert.Equal(DealStatus.Expired, deal.Status);
        Assert.False(deal.IsProtectedAt(end));
        Assert.Null(deal.History[^1].By);
    }

    [Fact]
    public void A_granted_extension_moves_the_window_end_by_the_extension_days()
    {
        var deal = Approved();
        var end = deal.ProtectedUntil!.Value;
        Assert.True(deal.RequestExtension("Procurement review takes another month", Settings, end.AddDays(-3)).IsSuccess);
        Assert.True(deal.GrantExtension(Manager, Settings, end.AddDays(-2)).IsSuccess);
        Assert.Equal(end.AddDays(30), deal.ProtectedUntil);
        Assert.Equal(1, deal.ExtensionsGranted);
        Assert.True(deal.MarkWon(end.AddDays(20)).IsSuccess);
    }

    [Fact]
    public void A_pending_extension_holds_expiry_until_decided()
    {
        var deal = Approved();
        var end = deal.ProtectedUntil!.Value;
        Assert.True(deal.RequestExtension("Budget freeze until April", Settings, end).IsSuccess);
        Assert.False(deal.IsDueToExpire(end.AddDays(1)));
        Assert.Equal("deal_extension_pending", deal.Expire(end.AddDays(1)).Error!.Code);

        Assert.True(deal.DenyExtension(Manager, "Window is long enough", end.AddDays(2)).IsSuccess);
        Assert.Equal(false, deal.Extensions[0].Granted);
        Assert.True(deal.Expire(end.AddDays(2)).IsSuccess);
    }

    [Fact]
    public void An_extension_cannot_be_requested_after_the_window_or_twice_at_once()
    {
        var deal = Approved();
        var end = deal.ProtectedUntil!.Value;
        Assert.Equal("deal_expired", deal.RequestExtension("late", Settings, end.AddTicks(1)).Error!.Code);
        Assert.True(deal.RequestExtension("first", Settings, end.AddDays(-1)).IsSuccess);
        Assert.Equal("deal_extension_pending", deal.RequestExtension("second", Settings, end.AddDays(-1)).Error!.Code);
        Assert.Equal(1, deal.ExtensionsRequested);
    }

    [Fact]
    public void Extensions_stop_at_the_programs_maximum()
    {
        var deal = Approved();
        var at = Now.AddDays(1);
        for (var i = 0; i < Settings.MaxExtensions; i++)
        {
            Assert.True(deal.RequestExtension($"round {i}", Settings, at).IsSuccess);
            Assert.True(deal.GrantExtension(Manager, Settings, at).IsSuccess);
        }

        Assert.Equal("deal_extension_limit", deal.RequestExtension("one more", Settings, at).Error!.Code);
        Assert.Equal(Now.AddHours(1).AddDays(90 + (30 * Settings.MaxExtensions)), deal.ProtectedUntil);
    }

    [Fact]
    public void Deciding_an_extension_needs_a_pending_request()
    {
        var deal = Approved();
        Assert.Equal("deal_no_pending_extension", deal.GrantExtension(Manager, Settings, Now.AddDays(1)).Error!.Code);
        Assert.Equal("deal_no_pending_extension", deal.DenyExtension(Manager, "no", Now.AddDays(1)).Error!.Code);
    }

    [Fact]
    public void A_submission_is_overdue_only_after_the_response_target_and_only_while_undecided()
    {
        var deal = Submitted();
        Assert.Equal(Now.AddHours(48), deal.DecisionDueAt(Settings));
        Assert.False(deal.IsDecisionOverdue(Settings, Now.AddHours(48)));
        Assert.True(deal.IsDecisionOverdue(Settings, Now.AddHours(48).AddTicks(1)));

        Assert.True(deal.Approve(Manager, Settings, Now.AddHours(50)).IsSuccess);
        Assert.False(deal.IsDecisionOverdue(Settings, Now.AddHours(50)));
    }

    [Fact]
    public void An_extension_request_is_overdue_after_the_response_target()
    {
        var deal = Approved();
        Assert.True(deal.RequestExtension("more time", Settings, Now.AddDays(10)).IsSuccess);
        Assert.False(deal.IsExtensionDecisionOverdue(Settings, Now.AddDays(11)));
        Assert.True(deal.IsExtensionDecisionOverdue(Settings, Now.AddDays(12).AddTicks(1)));
    }

    [Fact]
    public void A_change_stamped_before_the_last_one_is_refused()
    {
        var deal = Submitted();
        Assert.Equal("deal_time_before_last_change", deal.Approve(Manager, Settings, Now.AddTicks(-1)).Error!.Code);
    }

    [Fact]
    public void Every_transition_is_in_the_history_in_order()
    {
        var deal = Approved();
        Assert.True(deal.MarkWon(Now.AddDays(5), "partner").IsSuccess);
        Assert.Equal([DealStatus.Submitted, DealStatus.Approved, DealStatus.Won], deal.History.Select(h => h.To));
        Assert.Equal(deal.History.Select(h => h.At).Order(), deal.History.Select(h => h.At));
        Assert.Equal(3, deal.Version);
    }

    [Fact]
    public void Only_submitted_and_approved_registrations_are_active() =>
        Assert.Equal([DealStatus.Submitted, DealStatus.Approved], Enum.GetValues<DealStatus>().Where(s => s.IsActive()));

    [Fact]
    public void Submission_keeps_the_normalized_name_keys_and_the_external_id()
    {
        var deal = DealRegistration.Submit(Details().Validate(Now).Value with { ExternalId = "OPP-7" }, PartnerHub.Core.Partners.PartnerId.New(), Now);
        Assert.Equal(("acme holdings", "acmeholdings", "acme.co.uk", "OPP-7"), (deal.CustomerNameKey, deal.CustomerNameSkeleton, deal.CustomerRegistrableDomain, deal.ExternalId));
    }

    [Fact]
    public void The_pending_extension_instant_is_set_by_a_request_and_cleared_by_a_decision()
    {
        var deal = Approved();
        var asked = deal.SubmittedAt.AddDays(10);
        Assert.True(deal.RequestExtension("More time", Settings, asked).IsSuccess);
        Assert.Equal(asked, deal.ExtensionPendingSince);
        Assert.True(deal.DenyExtension("m", "No", asked.AddHours(1)).IsSuccess);
        Assert.Null(deal.ExtensionPendingSince);
        Assert.True(deal.RequestExtension("Again", Settings, asked.AddDays(1)).IsSuccess);
        Assert.True(deal.GrantExtension("m", Settings, asked.AddDays(2)).IsSuccess);
        Assert.Null(deal.ExtensionPendingSince);
    }
}
