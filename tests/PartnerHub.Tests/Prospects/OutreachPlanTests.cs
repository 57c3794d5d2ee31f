using Microsoft.EntityFrameworkCore;
using PartnerHub.App.Persistence;
using PartnerHub.App.Prospects;
using PartnerHub.Core.Common;
using PartnerHub.Core.Partners;
using PartnerHub.Tests.Deals;
using PartnerHub.Tests.Infrastructure;

namespace PartnerHub.Tests.Prospects;

/// <summary>The outreach log and the week's plan, with the fake clock (the test week runs Monday 15 to Sunday 21 June 2026).</summary>
public abstract class OutreachPlanTests(DatabaseProvider provider) : IAsyncLifetime
{
    private AppHarness _app = null!;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _app = await AppHarness.CreateAsync(provider);

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private Task<Result<OutreachView>> Log(Guid id, string? channel, string? outcome, string? nextStep = null, DateOnly? due = null) =>
        _app.Run<LogOutreach, Result<OutreachView>>(u => u.HandleAsync(new PartnerId(id), new LogOutreach.Input(channel, outcome, "note", nextStep, due), Ct), As.Manager);

    private static DateOnly June(int day) => new(2026, 6, day);

    [Fact]
    public async Task The_plan_lists_overdue_follow_ups_those_due_this_week_and_prospects_not_contacted()
    {
        var dueThisWeek = await ProspectData.CreateAsync(_app, ProspectData.Prospect());
        var overdue = await ProspectData.CreateAsync(_app, ProspectData.Prospect(subcategory: "resellers"));
        var neverContacted = await ProspectData.CreateAsync(_app, ProspectData.Prospect());
        var noNextStep = await ProspectData.CreateAsync(_app, ProspectData.Prospect());
        var nextWeek = await ProspectData.CreateAsync(_app, ProspectData.Prospect());
        var superseded = await ProspectData.CreateAsync(_app, ProspectData.Prospect());
        await ProspectData.CreateAsync(_app, ProspectData.Prospect(stage: "active")); // not in identification: never listed

        (await Log(overdue.Id, "email", "no-response", "Call the partner lead", June(16))).Ok();
        (await Log(superseded.Id, "call", "replied", "Send the deck", June(16))).Ok();
        (await Log(nextWeek.Id, "event", "interested", "Demo", June(25))).Ok();
        _app.Clock.Advance(TimeSpan.FromDays(3)); // Thursday 18 June
        var logged = (await Log(dueThisWeek.Id, "meeting", "meeting-booked", "Follow-up meeting", June(19))).Ok();
        Assert.Equal(("meeting", "meeting-booked", "manager@vendor.example", TestApp.Start.AddDays(3)), (logged.Channel, logged.Outcome, logged.By, logged.At));
        (await Log(superseded.Id, "email", "interested", "Workshop", June(26))).Ok();
        (await Log(noNextStep.Id, "linked-in", "not-now")).Ok();

        var plan = await _app.Run<GetOutreachPlan, GetOutreachPlan.Plan>(u => u.HandleAsync(Ct));
        Assert.Equal((June(18), June(15), June(21)), (plan.Today, plan.WeekStart, plan.WeekEnd));
        var late = Assert.Single(plan.Overdue);
        Assert.Equal((overdue.Id, "Call the partner lead", June(16), 2, "no-response"), (late.PartnerId, late.NextStep, late.DueOn, late.DaysOverdue, late.LastOutcome));
        Assert.Equal([dueThisWeek.Id], plan.DueThisWeek.Select(i => i.PartnerId));
        Assert.Equal([neverContacted.Id], plan.NotContacted.Select(i => i.PartnerId));

        // On Monday 22 June the week moves on: the Friday follow-up is overdue, the 25 June one is due this week.
        _app.Clock.Advance(TimeSpan.FromDays(4));
        plan = await _app.Run<GetOutreachPlan, GetOutreachPlan.Plan>(u => u.HandleAsync(Ct));
        Assert.Equal([overdue.Id, dueThisWeek.Id], plan.Overdue.Select(i => i.PartnerId));
        Assert.Equal([nextWeek.Id, superseded.Id], plan.DueThisWeek.Select(i => i.PartnerId));
    }

    [Fact]
    public async Task Bad_outreach_input_is_refused_field_by_field_and_nothing_is_written()
    {
        var p = await ProspectData.CreateAsync(_app, ProspectData.Prospect());
        var error = (await Log(p.Id, "pigeon", null, "Call back")).Error!;
        Assert.Equal(["channel", "nextStepDueOn", "outcome"], error.Fields!.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("email, call, meeting", error.Fields["channel"][0]);
        Assert.Contains("in the past", (await Log(p.Id, "call", "replied", "Call back", June(14))).Error!.Fields!["nextStepDueOn"][0]);
        Assert.Equal("nextStep", (await Log(p.Id, "call", "replied", null, June(20))).Error!.Fields!.Keys.Single());

        var active = await ProspectData.CreateAsync(_app, ProspectData.Prospect(stage: "active"));
        Assert.Equal("not_a_prospect", (await Log(active.Id, "call", "replied")).Error!.Code);
        await using var db = _app.Open();
        Assert.Equal(0, await db.Set<OutreachAttempt>().CountAsync(Ct));
    }
}

public sealed class OutreachPlanOnSqlite() : OutreachPlanTests(DatabaseProvider.Sqlite);

public sealed class OutreachPlanOnPostgres() : OutreachPlanTests(DatabaseProvider.Postgres);
