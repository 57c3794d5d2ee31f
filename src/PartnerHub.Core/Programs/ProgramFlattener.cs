namespace PartnerHub.Core.Programs;

/// <summary>A program as an ordered list of (path, display text) values and the entities (keyed things) they belong to, for diffs.</summary>
internal sealed class ProgramFlattener
{
    private readonly PartnerProgram _p;

    private ProgramFlattener(PartnerProgram program) => _p = program;

    public sealed record Entity(string Path, string Kind, string Label);

    public List<(string Path, string Text)> Values { get; } = [];

    public List<Entity> Entities { get; } = [];

    public static ProgramFlattener Flatten(PartnerProgram program)
    {
        var f = new ProgramFlattener(program);
        f.Everything();
        return f;
    }

    private void Everything()
    {
        var p = _p;
        Add("name", p.Name);
        Add("currency", p.Currency.Code);
        Add("regions", string.Join(", ", p.Regions));
        Add("vision.mission", p.Vision.Mission);
        Texts("vision.philosophy", p.Vision.Philosophy);
        Add("measurement.revenueBasis", p.Measurement.RevenueBasis.ToString().ToLowerInvariant());
        Add("measurement.engagement.windowDays", Num(p.Measurement.Engagement.WindowDays));
        Add("measurement.engagement.fullScorePoints", Num(p.Measurement.Engagement.FullScorePoints));
        foreach (var (kind, points) in p.Measurement.Engagement.Points) Add($"measurement.engagement.points.{kind}", Num(points));
        foreach (var layer in p.Ecosystem.Layers)
        {
            var at = Enter($"ecosystem.layers.{layer.Key}", "ecosystem layer", layer.Key);
            Add($"{at}.name", layer.Name);
            for (var i = 0; i < layer.Groups.Count; i++)
            {
                var g = layer.Groups[i];
                Add($"{at}.groups[{i}]", $"{g.Name}{(g.Description is null ? "" : $" ({g.Description})")}{(g.Members.Count > 0 ? ": " + string.Join(", ", g.Members) : "")}{(g.Subcategories.Count > 0 ? " [" + string.Join(", ", g.Subcategories) + "]" : "")}");
            }
        }

        Categories();
        foreach (var m in p.RevenueModels) Model(m);
        foreach (var c in p.TierCriteria)
        {
            var at = Enter($"tierCriteria.{c.Key}", "tier criterion", c.Key);
            Add($"{at}.name", c.Name);
            Add($"{at}.description", c.Description);
        }

        foreach (var t in p.Tiers) Tier(t);
        Add("tierReview.cadenceMonths", Num(p.TierReview.CadenceMonths));
        Add("tierReview.gracePeriodMonths", Num(p.TierReview.GracePeriodMonths));
        foreach (var l in p.Support.Levels)
        {
            Add($"support.levels[{l.Level - 1}]", $"{l.Level}: {l.Name}");
            if (l.FirstResponseHours is { } f) Add($"support.levels[{l.Level - 1}].firstResponseHours", $"{Display.Number(f)} h");
            if (l.ResolutionHours is { } r) Add($"support.levels[{l.Level - 1}].resolutionHours", $"{Display.Number(r)} h");
        }

        Add("support.businessHours", p.Support.BusinessHours.Describe());
        Texts("support.channels", p.Support.Channels);
        Training();
        Certification();
        Texts("marketing.materials", p.Marketing.Materials);
        Texts("marketing.coMarketingActivities", p.Marketing.CoMarketingActivities);
        MarketingFunds(p.Marketing);
        foreach (var k in p.Kpis)
        {
            var at = Enter($"kpis.{k.Key}", "KPI", k.Key);
            Add($"{at}.name", k.Name);
            Add($"{at}.group", k.Group.ToString().ToLowerInvariant());
            Add($"{at}.description", k.Description);
        }

        foreach (var w in p.HealthWeights) Add($"healthScore.weights.{w.Factor}", Display.Percent(w.Percent));
        Lifecycle();
        Add("roadmap.startsOn", Display.Date(p.Roadmap.StartsOn));
        for (var y = 0; y < p.Roadmap.Years.Count; y++)
        {
            Add($"roadmap.years[{y}].theme", p.Roadmap.Years[y].Theme);
            Texts($"roadmap.years[{y}].quarters", p.Roadmap.Years[y].Quarters);
            foreach (var g in p.Roadmap.Years[y].Goals) Add($"roadmap.years[{y}].goals.{g.Key}", Goal(g));
        }

        var d = p.DealRegistration;
        Add("dealRegistration.protectionDays", Num(d.ProtectionDays));
        Add("dealRegistration.extensionDays", Num(d.ExtensionDays));
        Add("dealRegistration.maxExtensions", Num(d.MaxExtensions));
        Add("dealRegistration.managerResponseHours", Num(d.ManagerResponseHours));
        Add("dealRegistration.commissionHoldingDays", Num(d.CommissionHoldingDays));
        Add("relationship.healthAlert.below", Display.Number(p.Relationship.HealthAlertBelow));
        Add("relationship.missedReviewsInARow", Num(p.Relationship.MissedReviewsInARow));
        Add("relationship.expansionMaxMissing", Num(p.Relationship.ExpansionMaxMissing));
        foreach (var a in p.Assumptions) Add($"assumptions[{a.Path}]", a.Note);
        Qualification();
    }

    private void Qualification()
    {
        if (_p.Qualification is not { } q) return;
        foreach (var c in q.Criteria)
        {
            var at = Enter($"qualification.criteria.{c.Key}", "qualification criterion", c.Key);
            Add($"{at}.name", c.Name);
            Add($"{at}.description", c.Description);
            Add($"{at}.weight", Num(c.Weight));
            foreach (var (score, label) in c.Labels.OrderBy(l => l.Key)) Add($"{at}.labels.{Num(score)}", label);
        }

        Add("qualification.passThreshold.default", Num(q.DefaultThreshold));
        foreach (var (category, threshold) in q.ThresholdByCategory.OrderBy(t => t.Key, StringComparer.Ordinal))
            Add($"qualification.passThreshold.byCategory.{category}", Num(threshold));
        Add("qualification.revenueCriterion", q.RevenueCriterion);
    }

    private void Categories()
    {
        foreach (var c in _p.Categories)
        {
            var at = Enter($"categories.{c.Key}", "category", c.Key);
            Add($"{at}.name", c.Name);
            Add($"{at}.description", c.Description);
            foreach (var s in c.Subcategories)
            {
                var sub = Enter($"{at}.subcategories.{s.Key}", "subcategory", $"{c.Key}/{s.Key}");
                Add($"{sub}.name", s.Name);
                Add($"{sub}.description", s.Description);
                Add($"{sub}.layer", s.Layer);
                Texts($"{sub}.examplePartners", s.ExamplePartners);
                Texts($"{sub}.benefits", s.Benefits);
                Add($"{sub}.revenueModels", string.Join(", ", s.RevenueModels));
                Add($"{sub}.targetCount", s.TargetCount.ToString());
            }
        }
    }

    private void Model(RevenueModel m)
    {
        var at = Enter($"revenueModels.{m.Key}", "revenue model", m.Key);
        Add($"{at}.kind", m.Kind.ToString().ToLowerInvariant());
        Add($"{at}.name", m.Name);
        Add($"{at}.description", m.Description);
        if (m.Months is { } months) Add($"{at}.months", Num(months));
        if (m.FlatAmountMinor is { } flat) Add($"{at}.flatAmount", Money(flat));
        Rates(at, m.Rates);
        foreach (var (key, table) in m.ByCategory.OrderBy(k => k.Key, StringComparer.Ordinal)) Rates($"{at}.byCategory.{key}", table);
        foreach (var (key, table) in m.BySubcategory.OrderBy(k => k.Key, StringComparer.Ordinal)) Rates($"{at}.bySubcategory.{key}", table);
        foreach (var (level, points) in m.CertificationUplift.OrderBy(k => k.Key, StringComparer.Ordinal)) Add($"{at}.certificationUplift.{level}", $"+{Display.Number(points)} points");
        for (var i = 0; i < m.VolumeBands.Count; i++)
        {
            var b = m.VolumeBands[i];
            Add($"{at}.volumeBands[{i}]", $"{(b.MinMinor is { } min ? Money(min) : "any")} to {(b.MaxMinor is { } max ? Money(max) : "any")}: +{Display.Number(b.Percent)} points");
        }

        foreach (var (level, amount) in m.FeeAmountsMinor.OrderBy(k => k.Key, StringComparer.Ordinal)) Add($"{at}.amounts.{level}", Money(amount));
    }

    private void Rates(string at, RateTable table)
    {
        if (table.Percent is { } percent) Add($"{at}.percent", Display.Percent(percent));
        foreach (var (tier, value) in table.ByTier.OrderBy(k => k.Key, StringComparer.Ordinal)) Add($"{at}.byTier.{tier}", Display.Percent(value));
    }

    private void Tier(Tier t)
    {
        var at = Enter($"tiers.{t.Key}", "tier", t.Key);
        Add($"{at}.name", t.Name);
        Add($"{at}.revenue.min", t.Revenue.MinMinor is { } min ? Money(min) : null);
        Add($"{at}.revenue.max", t.Revenue.MaxMinor is { } max ? Money(max) : null);
        foreach (var r in t.Ratings)
        {
            Add($"{at}.ratings.{r.Criterion}.min", r.Min is { } m ? Num(m) : null);
            Add($"{at}.ratings.{r.Criterion}.means", r.Means);
        }

        var b = t.Benefits;
        Add($"{at}.benefits.dedicatedManager", YesNo(b.DedicatedManager));
        Add($"{at}.benefits.featureAccess", b.FeatureAccess.ToString().ToLowerInvariant());
        Add($"{at}.benefits.coMarketing", b.CoMarketing);
        Add($"{at}.benefits.customDevelopment", YesNo(b.CustomDevelopment));
        Add($"{at}.benefits.training", b.Training);
        Add($"{at}.benefits.revenueShare", b.RevenueShare);
        Add($"{at}.support.plan", t.Support.Plan);
        Add($"{at}.support.maxLevel", Num(t.Support.MaxLevel));
        foreach (var c in t.Support.Channels) Add($"{at}.support.channels.{c.Channel}.responseHours", $"{Display.Number(c.ResponseHours)} h");
        Add($"{at}.targetCount", t.TargetCount.ToString());
        var s = t.SuccessTargets;
        Add($"{at}.successTargets.revenue", Money(s.RevenueMinor));
        Add($"{at}.successTargets.growth", Display.Percent(s.GrowthPercent));
        Add($"{at}.successTargets.satisfaction", Display.Percent(s.SatisfactionPercent));
        Add($"{at}.successTargets.retention", Display.Percent(s.RetentionPercent));
        Add($"{at}.successTargets.advocacy", Display.Percent(s.AdvocacyPercent));
    }

    private void Training()
    {
        Texts("training.contentTypes", _p.Training.ContentTypes);
        Texts("training.deliveryMethods", _p.Training.DeliveryMethods);
        foreach (var t in _p.Training.Tracks)
        {
            var at = Enter($"training.tracks.{t.Key}", "training track", t.Key);
            Add($"{at}.name", t.Name);
            Add($"{at}.contentType", t.ContentType);
            Add($"{at}.delivery", string.Join(", ", t.Delivery));
            Texts($"{at}.modules", t.Modules);
            Add($"{at}.exam", t.Exam);
        }

        foreach (var e in _p.Exams)
        {
            var at = Enter($"exams.{e.Key}", "exam", e.Key);
            Add($"{at}.name", e.Name);
            Add($"{at}.passMark", Num(e.PassMark));
            Add($"{at}.maxAttempts", Num(e.MaxAttempts));
            foreach (var q in e.Questions)
            {
                Add($"{at}.questions.{q.Key}.text", q.Text);
                Add($"{at}.questions.{q.Key}.choice", q.Multiple ? "multiple" : "single");
                Texts($"{at}.questions.{q.Key}.options", q.Options);
                Add($"{at}.questions.{q.Key}.correct", string.Join(", ", q.Correct));
            }
        }
    }

    private void Certification()
    {
        Add("certification.awarding", _p.Certification.Awarding.ToString().ToLowerInvariant());
        foreach (var c in _p.Certification.PerformanceConditions)
        {
            var at = Enter($"certification.performanceConditions.{c.Key}", "performance condition", c.Key);
            Add($"{at}.description", c.Description);
            Add($"{at}.reference", c.Reference switch { TargetReference.OwnTier => "own-tier", TargetReference.TopTier => "top-tier", _ => c.Tier });
            Add($"{at}.metrics", string.Join(", ", c.Metrics.Select(m => m.ToString().ToLowerInvariant())));
            Add($"{at}.atLeast", Num(c.AtLeast));
        }

        foreach (var l in _p.Certification.Levels)
        {
            var at = Enter($"certification.levels.{l.Key}", "certification level", l.Key);
            Add($"{at}.name", l.Name);
            Add($"{at}.prerequisite", l.Prerequisite);
            Add($"{at}.tracks", string.Join(", ", l.Tracks));
            Add($"{at}.exam", l.Exam);
            Add($"{at}.minMonths", Num(l.MinMonths));
            Add($"{at}.performance", l.Performance);
            Add($"{at}.annualCommitment", YesNo(l.AnnualCommitment));
            Add($"{at}.validityMonths", Num(l.ValidityMonths));
            Add($"{at}.renewalWindowDays", Num(l.RenewalWindowDays));
            Texts($"{at}.benefits", l.Benefits);
        }
    }

    private void Lifecycle()
    {
        foreach (var ph in _p.Phases)
        {
            var at = Enter($"lifecycle.phases.{ph.Key}", "lifecycle phase", ph.Key);
            Add($"{at}.name", ph.Name);
            Add($"{at}.stages", string.Join(", ", ph.Stages.Select(s => s.ToString().ToLowerInvariant())));
            Texts($"{at}.activities", ph.Activities);
            Texts($"{at}.deliverables", ph.Deliverables);
        }

        foreach (var s in _p.OnboardingSteps)
        {
            var at = Enter($"onboarding.steps.{s.Key}", "onboarding step", s.Key);
            Add($"{at}.name", s.Name);
            Add($"{at}.description", s.Description);
            Add($"{at}.targetDays", Num(s.TargetDays));
            var d = s.DoneWhen;
            Add($"{at}.doneWhen", d.AgreementSigned ? "agreementSigned" : d.Engagement is { } e ? $"engagement {e}" : d.Tracks is { } t ? $"tracks {string.Join(", ", t)}"
                : d.ExamPassed is { } x ? $"examPassed {x}" : "dealWon");
        }

        Add("onboarding.uploads.maxBytes", _p.Journeys.Uploads.MaxBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Add("onboarding.uploads.contentTypes", string.Join(", ", _p.Journeys.Uploads.ContentTypes));
        foreach (var j in _p.Journeys.Journeys)
        {
            var journey = Enter($"onboarding.journeys.{j.Category}", "onboarding journey", j.Category);
            foreach (var step in j.Steps)
            {
                var at = Enter($"{journey}.{step.Key}", "journey step", $"{j.Category} {step.Key}");
                Add($"{at}.title", step.Title);
                Add($"{at}.owner", step.Owner.ToString().ToLowerInvariant());
                Add($"{at}.dueDays", Num(step.DueDays));
                Add($"{at}.evidence", Onboarding.Evidence.Key(step.Evidence) + (step.Reference is { } r ? $" {r}" : ""));
            }

            Add($"{journey}.order", string.Join(", ", j.Steps.Select(s => s.Key)));
        }
    }

    private string Enter(string path, string kind, string label)
    {
        Entities.Add(new Entity(path, kind, label));
        return path;
    }

    private void Texts(string at, IReadOnlyList<NamedText> texts)
    {
        foreach (var t in texts) Add($"{at}.{t.Name}", t.Text);
    }

    private void MarketingFunds(MarketingSupport m)
    {
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        Add("marketing.collateral.maxBytes", m.Collateral.MaxBytes.ToString(invariant));
        Add("marketing.collateral.contentTypes", string.Join(", ", m.Collateral.ContentTypes));
        Add("marketing.mdf.period", m.Mdf.Period == MdfPeriodKind.Year ? "year" : "quarter");
        foreach (var b in m.Mdf.Budgets)
        {
            Add($"marketing.mdf.budgets.{b.Tier}.fixed", Money(b.FixedMinor));
            Add($"marketing.mdf.budgets.{b.Tier}.percentOfTrailingRevenue", Display.Percent(b.PercentOfTrailingRevenue));
        }

        Add("marketing.mdf.proof.maxBytes", m.Mdf.Proof.MaxBytes.ToString(invariant));
        Add("marketing.mdf.proof.contentTypes", string.Join(", ", m.Mdf.Proof.ContentTypes));
    }

    private void Add(string path, string? text)
    {
        if (text is not null) Values.Add((path, text));
    }

    private string Money(long minor) => Display.Money(minor, _p.Currency);

    private static string Num(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string YesNo(bool value) => value ? "yes" : "no";

    /// <summary>One line per goal, so a diff shows a changed target or filter as one change.</summary>
    private static string Goal(RoadmapGoal g)
    {
        var filters = new[] { ("category", g.Category), ("subcategory", g.Subcategory), ("tier", g.Tier), ("level", g.Level), ("kpi", g.Kpi) }
            .Where(f => f.Item2 is not null).Select(f => $", {f.Item1} {f.Item2}");
        return $"{g.Title}: {g.MetricKey} {Display.Number(g.Target)} by {g.By}{string.Concat(filters)}";
    }
}
