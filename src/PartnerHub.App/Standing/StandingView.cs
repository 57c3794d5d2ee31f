using PartnerHub.Core.Evaluation;
using PartnerHub.Core.Programs;

namespace PartnerHub.App.Standing;

/// <summary>A tier or certification level's key and how people read it.</summary>
public sealed record NamedKey(string Key, string Name);

/// <summary>How far the partner is from the tier above the one it qualifies for: the revenue still needed and each unmet criterion.</summary>
public sealed record NextTierProgress(
    string Tier,
    string Name,
    long RevenueMinor,
    long? RevenueRequiredMinor,
    long RevenueGapMinor,
    decimal RevenueProgressPercent,
    IReadOnlyList<CriterionCheck> Missing,
    string Explanation);

/// <summary>
/// A partner's standing on a date under the program version in force on that date, with every explanation, for the
/// API, the CLI and the pages. Tier and level fields are keys; <see cref="Tiers"/> and <see cref="Levels"/> name them.
/// </summary>
public sealed record StandingView(
    Guid PartnerId,
    string PartnerName,
    string ProgramVersion,
    DateOnly ProgramEffectiveFrom,
    DateOnly AsOf,
    DateOnly PartnershipStart,
    DateOnly? PartnershipEnd,
    bool Active,
    TierStanding Tier,
    NextTierProgress? NextTier,
    CertificationStanding Certification,
    IReadOnlyList<KpiValue> Kpis,
    IReadOnlyList<TargetCheck> Targets,
    HealthBreakdown Health,
    IReadOnlyList<OnboardingProgress> Onboarding,
    IReadOnlyList<NamedKey> Tiers,
    IReadOnlyList<NamedKey> Levels)
{
    public string TierName(string key) => Tiers.FirstOrDefault(t => t.Key == key)?.Name ?? key;

    public string LevelName(string? key) => key is null ? "none" : Levels.FirstOrDefault(l => l.Key == key)?.Name ?? key;

    internal static StandingView From(Core.Evaluation.Standing s, string partnerName, PartnerProgram program, DateOnly effectiveFrom,
        DateOnly start, DateOnly? end) => new(
        s.PartnerId.Value, partnerName, s.ProgramVersion, effectiveFrom, s.AsOf, start, end, s.Active, s.Tier, Next(s, program),
        s.Certification, s.Kpis, s.Targets, s.Health, s.Onboarding,
        program.Tiers.Select(t => new NamedKey(t.Key, Display.TierName(t))).ToList(),
        program.Certification.Levels.Select(l => new NamedKey(l.Key, l.Name)).ToList());

    private static NextTierProgress? Next(Core.Evaluation.Standing s, PartnerProgram program)
    {
        var qualifying = program.TierRank(s.Tier.Qualifying);
        if (qualifying <= 0) return null;
        var next = program.Tiers[qualifying - 1];
        var revenue = s.Summary.RevenueMinor;
        var required = next.Revenue.MinMinor;
        var gap = required is { } r ? Math.Max(0, r - revenue) : 0;
        var progress = required is > 0 ? Math.Clamp(revenue * 100m / required.Value, 0, 100) : 100;
        var missing = s.Tier.Checks.Where(c => c.Tier == next.Key && !c.Passed).ToList();
        var name = Display.TierName(next);
        var parts = new List<string>();
        if (gap > 0) parts.Add($"{Display.Money(gap, program.Currency)} more trailing-12-month revenue ({Display.Money(revenue, program.Currency)} of {Display.Money(required!.Value, program.Currency)})");
        parts.AddRange(missing.Where(c => c.Criterion != "trailing-12-month revenue")
            .Select(c => c.Input == "not rated" ? $"a {c.Criterion.ToLowerInvariant()} rating {c.Threshold}" : $"{c.Criterion.ToLowerInvariant()} {c.Threshold} (now {c.Input})"));
        var explanation = parts.Count == 0 ? $"Meets every {name} criterion today; the change takes effect at the next review." : $"{name} needs {string.Join(", and ", parts)}.";
        return new NextTierProgress(next.Key, name, revenue, required, gap, progress, missing, explanation);
    }
}
