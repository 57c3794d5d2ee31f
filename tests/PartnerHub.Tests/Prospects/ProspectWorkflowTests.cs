using Microsoft.EntityFrameworkCore;
using PartnerHub.App.Partners;
using PartnerHub.App.Persistence;
using PartnerHub.App.Prospects;
using PartnerHub.App.Relationships;
using PartnerHub.Core.Common;
using PartnerHub.Core.Partners;
using PartnerHub.Tests.Deals;
using PartnerHub.Tests.Infrastructure;

namespace PartnerHub.Tests.Prospects;

/// <summary>Assess, qualify, cool and the matrix through the use cases, on a fresh database each, on SQLite and PostgreSQL.</summary>
public abstract class ProspectWorkflowTests(DatabaseProvider provider) : IAsyncLifetime
{
    private AppHarness _app = null!;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _app = await AppHarness.CreateAsync(provider);

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private Task<Result<AssessmentView>> Assess(Guid id, Dictionary<string, int?> scores) =>
        _app.Run<AssessOpportunity, Result<AssessmentView>>(u => u.HandleAsync(new PartnerId(id), scores, "call notes", Ct), As.Manager);

    private Task<Result<PartnerView>> Qualify(PartnerView p, bool overrideScore = false, string? reason = null) =>
        _app.Run<QualifyPartner, Result<PartnerView>>(u => u.QualifyAsync(new PartnerId(p.Id), overrideScore, reason, p.Version, Ct), As.Manager);

    private async Task<int> CountAsync<T>() where T : class
    {
        await using var db = _app.Open();
        return await db.Set<T>().CountAsync(Ct);
    }

    [Fact]
    public async Task Assessments_append_and_the_latest_counts_with_its_explanation()
    {
        var p = await ProspectData.CreateAsync(_app, ProspectData.Prospect());
        var first = (await Assess(p.Id, ProspectData.Fit69)).Ok();
        Assert.Equal((69, 70, false, 2, "v1", "manager@vendor.example"), (first.FitScore, first.Threshold, first.Passes, first.RevenuePotential, first.ProgramVersion, first.AssessedBy));
        Assert.Contains("technology needs 70: does not pass", first.Explanation);

        _app.Clock.Advance(TimeSpan.FromDays(3));
        (await Assess(p.Id, ProspectData.Fit91)).Ok();
        var details = (await _app.Run<GetProspect, Result<GetProspect.ProspectDetails>>(u => u.HandleAsync(new PartnerId(p.Id), Ct))).Ok();
        Assert.Equal([91, 69], details.Assessments.Select(a => a.FitScore));
        Assert.Equal((91, true, TestApp.Start.AddDays(3)), (details.Latest!.FitScore, details.Latest.Passes, details.Latest.AssessedAt));
        Assert.Equal(4, details.Latest.Criteria.Count);
    }

    [Fact]
    public async Task A_partner_user_reads_none_of_its_own_identification_records_and_cannot_write_one()
    {
        var p = await ProspectData.CreateAsync(_app, ProspectData.Prospect());
        (await Assess(p.Id, ProspectData.Fit91)).Ok();
        (await _app.Run<LogOutreach, Result<OutreachView>>(u => u.HandleAsync(new PartnerId(p.Id), new LogOutreach.Input("call", "replied", null, null, null), Ct), As.Manager)).Ok();

        await using var db = _app.Open(As.PartnerUser(new PartnerId(p.Id)));
        Assert.Equal(1, await db.Partners.CountAsync(Ct)); // its own partner row, and nothing of the vendor's view of it
        Assert.Equal(0, await db.Set<OpportunityAssessment>().CountAsync(Ct));
        Assert.Equal(0, await db.Set<OutreachAttempt>().CountAsync(Ct));
        // The endpoints refuse partner users first; the database's scope check refuses the write even if one forgot.
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            _app.Run<AssessOpportunity, Result<AssessmentView>>(u => u.HandleAsync(new PartnerId(p.Id), ProspectData.Fit91, null, Ct), As.PartnerUser(new PartnerId(p.Id))));
    }

    [Fact]
    public async Task Bad_scores_are_field_errors_and_nothing_is_written()
    {
        var p = await ProspectData.CreateAsync(_app, ProspectData.Prospect());
        var scores = ProspectData.Scores(3, 9, 3, 3);
        scores["charisma"] = 4;
        scores.Remove("strategic-fit");
        var error = (await Assess(p.Id, scores)).Error!;
        Assert.Equal(ErrorKind.Validation, error.Kind);
        Assert.Equal(["scores.audience-overlap", "scores.charisma", "scores.strategic-fit"], error.Fields!.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(0, await CountAsync<OpportunityAssessment>());

        var active = await ProspectData.CreateAsync(_app, ProspectData.Prospect(stage: "active"));
        Assert.Equal("not_a_prospect", (await Assess(active.Id, ProspectData.Fit91)).Error!.Code);
        Assert.Equal(ErrorKind.NotFound, (await Assess(Guid.NewGuid(), ProspectData.Fit91)).Error!.Kind);
        Assert.Equal(0, await CountAsync<OpportunityAssessment>());
    }

    [Fact]
    public async Task An_active_partner_assessed_for_another_category_is_an_expansion_candidate_while_its_latest_assessment_passes()
    {
        var active = await ProspectData.CreateAsync(_app, ProspectData.Prospect(stage: "active")); // technology
        var prospect = await ProspectData.CreateAsync(_app, ProspectData.Prospect());
        Task<Result<AssessmentView>> AssessFor(Guid id, string category, Dictionary<string, int?> scores) =>
            _app.Run<AssessOpportunity, Result<AssessmentView>>(u => u.HandleAsync(new PartnerId(id), scores, "partner asked about reselling", Ct, category), As.Manager);

        Assert.Equal("category", (await AssessFor(active.Id, "galaxy", ProspectData.Fit69)).Error!.Fields!.Keys.Single());
        Assert.Equal("category", (await AssessFor(prospect.Id, "channel", ProspectData.Fit91)).Error!.Fields!.Keys.Single());
        Assert.Equal("not_a_prospect", (await AssessFor(active.Id, "technology", ProspectData.Fit91)).Error!.Code);
        Assert.Equal(0, await CountAsync<OpportunityAssessment>());

        var assessed = (await AssessFor(active.Id, "channel", ProspectData.Fit69)).Ok();
        Assert.Equal(("channel", 55, true), (assessed.Category, assessed.Threshold, assessed.Passes));
        var today = DateOnly.FromDateTime(TestApp.Start.UtcDateTime);
        var list = await _app.Run<ListExpansionCandidates, ExpansionList>(u => u.HandleAsync(today, Ct));
        var item = Assert.Single(list.OtherCategories);
        Assert.Equal((active.Id, "technology", "channel", 69, 55), (item.PartnerId, item.Category, item.TargetCategory, item.FitScore, item.Threshold));
        Assert.StartsWith("Active as Technology Partners; assessed for Channel Partners on", item.Explanation);
        Assert.Contains("Fit 69", item.Explanation);
        Assert.Empty((await _app.Run<ListExpansionCandidates, ExpansionList>(u => u.HandleAsync(today.AddDays(-1), Ct))).OtherCategories);

        _app.Clock.Advance(TimeSpan.FromDays(2));
        (await AssessFor(active.Id, "channel", ProspectData.Scores(1, 1, 1, 1))).Ok(); // the latest no longer passes
        Assert.Empty((await _app.Run<ListExpansionCandidates, ExpansionList>(u => u.HandleAsync(today.AddDays(2), Ct))).OtherCategories);
        Assert.Single((await _app.Run<ListExpansionCandidates, ExpansionList>(u => u.HandleAsync(today, Ct))).OtherCategories);
    }

    [Fact]
    public async Task Qualify_is_refused_below_the_threshold_and_allowed_with_an_override_and_reason_which_is_audited()
    {
        var p = await ProspectData.CreateAsync(_app, ProspectData.Prospect());
        Assert.Equal("override", (await Qualify(p)).Error!.Fields!.Keys.Single()); // not assessed
        (await Assess(p.Id, ProspectData.Fit69)).Ok();

        var refused = (await Qualify(p)).Error!;
        Assert.Contains("Fit 69", refused.Fields!["override"][0]);
        Assert.Equal("reason", (await Qualify(p, overrideScore: true, reason: "  ")).Error!.Fields!.Keys.Single());
        await using (var db = _app.Open()) Assert.Equal(LifecycleStage.Prospect, (await db.Partners.SingleAsync(x => x.Id == new PartnerId(p.Id), Ct)).Stage);

        _app.Clock.Advance(TimeSpan.FromHours(1));
        var qualified = (await Qualify(p, overrideScore: true, reason: "Board wants the OpenAI integration this quarter")).Ok();
        Assert.Equal(("qualified", p.Version + 1, TestApp.Start.AddHours(1)), (qualified.Stage, qualified.Version, qualified.StageChangedAt));
        Assert.StartsWith("Qualified by override: Board wants the OpenAI integration this quarter (assessment: Fit 69", qualified.StageReason);

        await using var check = _app.Open();
        var audit = await check.AuditEntries.AsNoTracking().Where(a => a.EntityId == p.Id.ToString() && a.Action != "created").ToListAsync(Ct);
        var entry = Assert.Single(audit);
        Assert.Equal("manager@vendor.example", entry.Actor);
        Assert.Contains(entry.Changes, c => c is { Field: "stage", Before: "prospect", After: "qualified" });
        Assert.Contains(entry.Changes, c => c.Field == "stageReason" && c.After!.Contains("Board wants", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_passing_assessment_qualifies_and_a_cooled_opportunity_goes_back_with_a_reason()
    {
        var p = await ProspectData.CreateAsync(_app, ProspectData.Prospect(subcategory: "resellers"));
        (await Assess(p.Id, ProspectData.Fit69)).Ok(); // channel needs 55
        var qualified = (await Qualify(p)).Ok();
        Assert.Equal("qualified", qualified.Stage);
        Assert.StartsWith("Qualified: Fit 69", qualified.StageReason);

        // Qualifying again is a transition the lifecycle does not have.
        Assert.Equal("stage", (await Qualify(qualified)).Error!.Fields!.Keys.Single());
        var stale = await _app.Run<QualifyPartner, Result<PartnerView>>(u => u.CoolAsync(new PartnerId(p.Id), "Budget frozen", p.Version, Ct), As.Manager);
        Assert.Equal("stale_version", stale.Error!.Code);
        var noReason = await _app.Run<QualifyPartner, Result<PartnerView>>(u => u.CoolAsync(new PartnerId(p.Id), "", qualified.Version, Ct), As.Manager);
        Assert.Equal("reason", noReason.Error!.Fields!.Keys.Single());

        var cooled = (await _app.Run<QualifyPartner, Result<PartnerView>>(u => u.CoolAsync(new PartnerId(p.Id), "Budget frozen until Q3", qualified.Version, Ct), As.Manager)).Ok();
        Assert.Equal(("prospect", "Opportunity cooled: Budget frozen until Q3"), (cooled.Stage, cooled.StageReason));
        var again = await _app.Run<QualifyPartner, Result<PartnerView>>(u => u.CoolAsync(new PartnerId(p.Id), "Twice", cooled.Version, Ct), As.Manager);
        Assert.Contains("cannot move from prospect to prospect", again.Error!.Message);
    }

    [Fact]
    public async Task A_churned_partner_is_won_back_through_qualification_and_an_active_one_cannot_be_qualified()
    {
        var churned = await ProspectData.CreateAsync(_app, ProspectData.Prospect(stage: "churned"));
        (await Assess(churned.Id, ProspectData.Fit91)).Ok();
        Assert.Equal("qualified", (await Qualify(churned)).Ok().Stage);

        var active = await ProspectData.CreateAsync(_app, ProspectData.Prospect(stage: "active"));
        var refused = (await Qualify(active, overrideScore: true, reason: "Try anyway")).Error!;
        Assert.Equal("stage", refused.Fields!.Keys.Single());
        Assert.Contains("cannot move from active to qualified", refused.Message);
    }

    [Fact]
    public async Task The_matrix_places_prospects_by_fit_and_revenue_per_subcategory_against_its_target()
    {
        var strong = await ProspectData.CreateAsync(_app, ProspectData.Prospect());
        var weak = await ProspectData.CreateAsync(_app, ProspectData.Prospect());
        var unassessed = await ProspectData.CreateAsync(_app, ProspectData.Prospect());
        var reseller = await ProspectData.CreateAsync(_app, ProspectData.Prospect(subcategory: "resellers"));
        await ProspectData.CreateAsync(_app, ProspectData.Prospect(stage: "active"));
        await ProspectData.CreateAsync(_app, ProspectData.Prospect(stage: "onboarding"));
        await ProspectData.CreateAsync(_app, ProspectData.Prospect(stage: "churned"));
        (await Assess(strong.Id, ProspectData.Fit91)).Ok();
        (await Assess(weak.Id, ProspectData.Fit69)).Ok();
        (await Assess(reseller.Id, ProspectData.Scores(3, 3, 3, 2))).Ok();
        (await Qualify(reseller)).Ok();

        var matrix = (await _app.Run<GetOpportunityMatrix, Result<GetOpportunityMatrix.Matrix>>(u => u.HandleAsync(Ct))).Ok();
        Assert.Equal(("v1", "revenue-potential"), (matrix.ProgramVersion, matrix.RevenueCriterion));
        var technology = matrix.Categories.Single(c => c.Key == "technology");
        Assert.Equal(70, technology.Threshold);
        var ai = technology.Subcategories.Single(s => s.Key == "ai-ml-platforms");
        Assert.Equal((5, 10, 2, 0, 3, 3), (ai.Target.Min, ai.Target.Max, ai.InProgram, ai.Qualified, ai.Prospects, ai.Gap));
        Assert.Equal([(strong.Id, 91, 5, "pursue"), (weak.Id, 69, 2, "deprioritize"), (unassessed.Id, (int?)null, (int?)null, "unassessed")],
            ai.Placements.Select(x => (x.Id, x.FitScore, x.RevenuePotential, x.Quadrant)));

        var resellers = matrix.Categories.Single(c => c.Key == "channel").Subcategories.Single(s => s.Key == "resellers");
        Assert.Equal((0, 1, 0, 10), (resellers.InProgram, resellers.Qualified, resellers.Prospects, resellers.Gap));
        Assert.Equal("nurture", Assert.Single(resellers.Placements).Quadrant);
        Assert.All(matrix.Categories.Single(c => c.Key == "education").Subcategories, s => Assert.Empty(s.Placements));
    }
}

public sealed class ProspectWorkflowOnSqlite() : ProspectWorkflowTests(DatabaseProvider.Sqlite);

public sealed class ProspectWorkflowOnPostgres() : ProspectWorkflowTests(DatabaseProvider.Postgres);
