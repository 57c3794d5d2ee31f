using PartnerHub.Core.Programs.Yaml;
using PartnerHub.Core.Support;

namespace PartnerHub.Core.Programs;

internal sealed partial class ProgramBinder
{
    // The engine keeps tier and level indexes in a byte; no real program comes near this.
    private const int MaxTiers = 20;

    // Tiers' support maxLevel is checked against support.levels once those are read.
    private readonly List<(int Level, YNode Node)> _maxLevelChecks = [];

    private static readonly Dictionary<string, FeatureAccess> FeatureAccesses = new(StringComparer.Ordinal)
    {
        ["standard"] = FeatureAccess.Standard,
        ["beta"] = FeatureAccess.Beta,
        ["early"] = FeatureAccess.Early,
    };

    private List<TierCriterion> TierCriteria(MapReader root)
    {
        var criteria = new List<TierCriterion>();
        foreach (var (key, keyNode, node) in root.Keyed("tierCriteria"))
        {
            Define(RefKind.Criterion, key, keyNode);
            if (MapReader.From(_sink, node, $"tier criterion '{key}'") is not { } map) continue;
            criteria.Add(new TierCriterion(key, map.Text("name") ?? "", map.Text("description") ?? ""));
            map.Done();
        }

        return criteria;
    }

    private List<Tier> Tiers(MapReader root)
    {
        var tiers = new List<Tier>();
        var bands = new List<Bands.Band>();
        foreach (var (key, keyNode, node) in root.Keyed("tiers"))
        {
            Define(RefKind.Tier, key, keyNode);
            if (MapReader.From(_sink, node, $"tier '{key}'") is not { } map) continue;
            var tier = Tier(key, map, out var revenueNode);
            tiers.Add(tier);
            bands.Add(new Bands.Band(key, tier.Revenue.MinMinor, tier.Revenue.MaxMinor, revenueNode ?? node));
        }

        if (tiers.Count > MaxTiers && root.Get("tiers") is { } many) _sink.Add(many, $"tiers: at most {MaxTiers} tiers.");
        if (tiers.Count == 0)
        {
            if (root.Get("tiers") is { } none) _sink.Add(none, "tiers: define at least one tier.");
            return tiers;
        }

        // Tiers are listed highest first; the band check reads lowest first.
        bands.Reverse();
        Bands.CheckTiling(_sink, bands, m => Display.Money(m, _currency), "tier");
        var lowest = tiers[^1];
        if (lowest.Ratings.Any(r => r.Min is not null) && root.Map("tiers") is { } tiersMap
            && Find(tiersMap.Node, $"{lowest.Key}.ratings") is { } ratingsNode)
            _sink.Add(ratingsNode, $"{ratingsNode.Path}: {lowest.Key} is the lowest tier, which every partner holds at least; it cannot have rating minimums.");
        return tiers;
    }

    private Tier Tier(string key, MapReader map, out YNode? revenueNode)
    {
        var name = map.Text("name") ?? "";
        revenueNode = map.Required("revenue");
        var revenue = new RevenueBand(null, null);
        if (MapReader.From(_sink, revenueNode, "{ min, max }") is { } band)
        {
            revenue = new RevenueBand(band.Money("min", _exponent, required: false), band.Money("max", _exponent, required: false));
            band.Done();
        }

        var ratings = new List<RatingRequirement>();
        foreach (var (criterion, criterionNode, node) in map.Keyed("ratings", required: false))
        {
            Refer(RefKind.Criterion, criterion, criterionNode);
            if (MapReader.From(_sink, node, "{ min, means }") is not { } rating) continue;
            ratings.Add(new RatingRequirement(criterion, rating.Int("min", 1, 5, required: false), rating.Text("means") ?? ""));
            rating.Done();
        }

        var benefits = map.Map("benefits") is { } b ? Benefits(b) : new TierBenefits(false, FeatureAccess.Standard, "", false, "", "");
        var support = map.Map("support") is { } s ? TierSupport(s) : new TierSupport("", 1, []);
        var target = Range(map, "targetCount");
        var success = map.Map("successTargets") is { } st ? SuccessTargets(st) : new SuccessTargets(0, 0, 0, 0, 0);
        map.Done();
        return new Tier
        {
            Key = key, Name = name, Revenue = revenue, Ratings = ratings, Benefits = benefits, Support = support, TargetCount = target,
            SuccessTargets = success,
        };
    }

    private TierBenefits Benefits(MapReader map)
    {
        var benefits = new TierBenefits(
            map.Bool("dedicatedManager") ?? false,
            Choice(map, "featureAccess", FeatureAccesses) ?? FeatureAccess.Standard,
            map.Text("coMarketing") ?? "",
            map.Bool("customDevelopment") ?? false,
            map.Text("training") ?? "",
            map.Text("revenueShare") ?? "");
        map.Done();
        return benefits;
    }

    private TierSupport TierSupport(MapReader map)
    {
        var plan = map.Text("plan") ?? "";
        var maxLevel = map.Int("maxLevel", 1, 10) ?? 1;
        var channels = new List<ChannelTarget>();
        foreach (var (channel, channelNode, node) in map.Keyed("channels"))
        {
            Refer(RefKind.Channel, channel, channelNode);
            if (MapReader.From(_sink, node, "{ responseHours }") is not { } target) continue;
            var hours = target.Decimal("responseHours", 0.01m, 8760, 2, "a number of hours");
            target.Done();
            channels.Add(new ChannelTarget(channel, hours ?? 0));
        }

        map.Done();
        if (map.Get("maxLevel") is { } levelNode) _maxLevelChecks.Add((maxLevel, levelNode));
        return new TierSupport(plan, maxLevel, channels);
    }

    private SuccessTargets SuccessTargets(MapReader map)
    {
        var targets = new SuccessTargets(
            map.Money("revenue", _exponent) ?? 0,
            map.Decimal("growth", 0, 10_000, 2, "a growth percentage") ?? 0,
            map.Percent("satisfaction") ?? 0,
            map.Percent("retention") ?? 0,
            map.Percent("advocacy") ?? 0);
        map.Done();
        return targets;
    }

    private static TierReviewPolicy TierReview(MapReader map)
    {
        var policy = new TierReviewPolicy(map.Int("cadenceMonths", 1, 24) ?? 3, map.Int("gracePeriodMonths", 0, 36) ?? 0);
        map.Done();
        return policy;
    }

    private SupportCatalog Support(MapReader map)
    {
        var levels = new List<SupportLevel>();
        if (map.Required("levels") is YSequence seq)
        {
            foreach (var item in seq.Items)
            {
                if (MapReader.From(_sink, item, "a support level { level, name, firstResponseHours, resolutionHours }") is not { } level) continue;
                var number = level.Int("level", 1, 10);
                var name = level.Text("name") ?? "";
                var firstResponse = level.Decimal("firstResponseHours", 0.01m, 8760, 2, "a number of business hours", required: false);
                var resolution = level.Decimal("resolutionHours", 0.01m, 8760, 2, "a number of business hours", required: false);
                level.Done();
                if (number is not { } n) continue;
                if (n != levels.Count + 1) _sink.Add(item, $"{item.Path}: support levels are numbered 1, 2, 3… in order; expected {levels.Count + 1}, found {n}.");
                if (firstResponse is { } f && resolution is { } r && r < f && level.Get("resolutionHours") is { } rNode)
                    _sink.Add(rNode, $"{rNode.Path}: the resolution target ({Display.Number(r)} h) is shorter than the first-response target ({Display.Number(f)} h).");
                levels.Add(new SupportLevel(n, name, firstResponse, resolution));
            }
        }
        else if (map.Get("levels") is { } wrong) _sink.Add(wrong, $"{wrong.Path}: expected a list of {{ level, name }}, found {wrong.Describe()}.");

        foreach (var (level, node) in _maxLevelChecks)
            if (level > levels.Count) _sink.Add(node, $"{node.Path}: support level {level} is not defined; support.levels go up to {levels.Count}.");

        var channels = new List<NamedText>();
        foreach (var (key, keyNode, node) in map.Keyed("channels"))
        {
            Define(RefKind.Channel, key, keyNode);
            if (Values.Text(_sink, node) is { } text) channels.Add(new NamedText(key, text));
        }

        var hours = map.Map("businessHours", required: false) is { } bh ? BusinessHours(bh) : null;
        map.Done();
        return new SupportCatalog(levels, channels) { BusinessHours = hours ?? BusinessCalendar.AlwaysOpen };
    }
}
