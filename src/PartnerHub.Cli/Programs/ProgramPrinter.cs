using PartnerHub.App.Programs;
using PartnerHub.Core.Programs;
using Spectre.Console;

namespace PartnerHub.Cli.Programs;

/// <summary>The program as tables a person can read in a terminal.</summary>
internal static class ProgramPrinter
{
    public static void Print(IAnsiConsole console, PublishedProgram published)
    {
        var p = published.Program;
        string Money(long? minor) => minor is { } m ? Display.Money(m, p.Currency) : "—";
        string Band(long? min, long? max) => (min, max) switch
        {
            (null, null) => "any",
            (null, _) => $"up to {Money(max)}",
            (_, null) => $"{Money(min)} or more",
            _ => $"{Money(min)} – {Money(max)}",
        };
        console.MarkupLine($"[bold]{Markup.Escape(p.Name)}[/] {published.Label}, effective {Display.Date(published.EffectiveFrom)}");

        var categories = new Table().Title("Categories").AddColumns("Category", "Subcategory", "Layer", "Revenue models", "Target partners");
        foreach (var c in p.Categories)
            foreach (var s in c.Subcategories)
                categories.AddRow(Markup.Escape(c.Name), Markup.Escape(s.Name), s.Layer, string.Join(", ", s.RevenueModels), s.TargetCount.ToString());
        console.Write(categories);

        var tiers = new Table().Title("Tiers").AddColumns("Tier", "Trailing-12-month revenue", "Ratings", "Target count", "Support", "Revenue target", "Growth", "Satisfaction", "Retention", "Advocacy");
        foreach (var t in p.Tiers)
            tiers.AddRow(Markup.Escape(t.Name), Band(t.Revenue.MinMinor, t.Revenue.MaxMinor),
                Markup.Escape(string.Join(", ", t.Ratings.Where(r => r.Min is not null).Select(r => $"{r.Criterion} ≥ {r.Min}"))), t.TargetCount.ToString(),
                $"{Markup.Escape(t.Support.Plan)}, level ≤ {t.Support.MaxLevel}", Money(t.SuccessTargets.RevenueMinor),
                Display.Percent(t.SuccessTargets.GrowthPercent), Display.Percent(t.SuccessTargets.SatisfactionPercent),
                Display.Percent(t.SuccessTargets.RetentionPercent), Display.Percent(t.SuccessTargets.AdvocacyPercent));
        console.Write(tiers);
        console.WriteLine($"Tiers are reviewed every {p.TierReview.CadenceMonths} months; a demotion waits {p.TierReview.GracePeriodMonths} months of grace.");

        var levels = new Table().Title("Certification").AddColumns("Level", "Requires", "Tracks", "Exam", "Months", "Performance", "Valid");
        foreach (var l in p.Certification.Levels)
            levels.AddRow(Markup.Escape(l.Name), l.Prerequisite ?? "—", string.Join(", ", l.Tracks), $"{l.Exam} (pass {p.FindExam(l.Exam)?.PassMark})",
                l.MinMonths.ToString(System.Globalization.CultureInfo.InvariantCulture), l.Performance, $"{l.ValidityMonths} months");
        console.Write(levels);

        var models = new Table().Title("Revenue models").AddColumns("Model", "Kind", "Rates by tier", "Notes");
        foreach (var m in p.RevenueModels)
            models.AddRow(Markup.Escape(m.Name), m.Kind.ToString(),
                string.Join(", ", m.Rates.ByTier.Select(r => $"{r.Key} {Display.Percent(r.Value)}")) + (m.Rates.Percent is { } d ? $" (default {Display.Percent(d)})" : ""),
                Markup.Escape(string.Join("; ", new[]
                {
                    m.Months is { } months ? $"for {months} months" : null,
                    m.FlatAmountMinor is { } flat ? $"flat {Money(flat)}" : null,
                    m.VolumeBands.Count > 0 ? "volume bands: " + string.Join(", ", m.VolumeBands.Select(b => $"{Band(b.MinMinor, b.MaxMinor)}: {Display.Percent(b.Percent)}")) : null,
                    m.FeeAmountsMinor.Count > 0 ? "fees: " + string.Join(", ", m.FeeAmountsMinor.Select(f => $"{f.Key} {Money(f.Value)}")) : null,
                }.OfType<string>())));
        console.Write(models);

        var support = new Table().Title("Support by tier").AddColumns("Tier", "Plan", "Levels", "Channels (response hours)");
        foreach (var t in p.Tiers)
            support.AddRow(Markup.Escape(t.Name), Markup.Escape(t.Support.Plan), $"1–{t.Support.MaxLevel}",
                string.Join(", ", t.Support.Channels.Select(c => $"{c.Channel} {Display.Number(c.ResponseHours)}h")));
        console.Write(support);
    }
}
