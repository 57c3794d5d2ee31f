using PartnerHub.Core.Programs.Yaml;

namespace PartnerHub.Core.Programs;

internal sealed partial class ProgramBinder
{
    private static readonly Dictionary<string, RevenueModelKind> ModelKinds = new(StringComparer.Ordinal)
    {
        ["commission"] = RevenueModelKind.Commission,
        ["discount"] = RevenueModelKind.Discount,
        ["fee"] = RevenueModelKind.Fee,
        ["arrangement"] = RevenueModelKind.Arrangement,
    };

    private List<RevenueModel> RevenueModels(MapReader root)
    {
        var models = new List<RevenueModel>();
        foreach (var (key, keyNode, node) in root.Keyed("revenueModels"))
        {
            Define(RefKind.RevenueModel, key, keyNode);
            if (MapReader.From(_sink, node, $"revenue model '{key}'") is { } map) models.Add(RevenueModel(key, map));
        }

        return models;
    }

    // Keys a kind does not use are left unread, so Done() reports them as unknown for that model.
    private RevenueModel RevenueModel(string key, MapReader map)
    {
        var kind = Choice(map, "kind", ModelKinds) ?? RevenueModelKind.Arrangement;
        var name = map.Text("name") ?? "";
        var description = map.Text("description") ?? "";
        int? months = null;
        long? flat = null;
        var rates = RateTable.Empty;
        var byCategory = new Dictionary<string, RateTable>(StringComparer.Ordinal);
        var bySubcategory = new Dictionary<string, RateTable>(StringComparer.Ordinal);
        var uplift = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var bands = new List<VolumeBand>();
        var fees = new Dictionary<string, long>(StringComparer.Ordinal);

        if (kind is RevenueModelKind.Commission or RevenueModelKind.Discount)
        {
            // The model-wide percent is required, so resolution always ends with a rate.
            rates = new RateTable(map.Percent("percent"), ByTier(map));
            RateTables(map, "byCategory", RefKind.Category, byCategory);
            RateTables(map, "bySubcategory", RefKind.Subcategory, bySubcategory);
        }

        if (kind is RevenueModelKind.Commission)
        {
            months = map.Int("months", 1, 120);
            flat = map.Money("flatAmount", _exponent, required: false);
            foreach (var (level, levelNode, valueNode) in map.Keyed("certificationUplift", required: false))
            {
                Refer(RefKind.Level, level, levelNode);
                if (Values.Percent(_sink, valueNode) is { } points) uplift[level] = points;
            }
        }

        if (kind is RevenueModelKind.Discount) bands = VolumeBands(map);
        if (kind is RevenueModelKind.Fee)
        {
            foreach (var (level, levelNode, valueNode) in map.Keyed("amounts"))
            {
                Refer(RefKind.Level, level, levelNode);
                if (Values.Money(_sink, valueNode, _exponent) is { } amount) fees[level] = amount;
            }
        }

        map.Done();
        return new RevenueModel
        {
            Key = key, Kind = kind, Name = name, Description = description, Months = months, FlatAmountMinor = flat, Rates = rates,
            ByCategory = byCategory, BySubcategory = bySubcategory, CertificationUplift = uplift, VolumeBands = bands, FeeAmountsMinor = fees,
        };
    }

    private Dictionary<string, decimal> ByTier(MapReader map)
    {
        var byTier = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var (tier, tierNode, valueNode) in map.Keyed("byTier", required: false))
        {
            Refer(RefKind.Tier, tier, tierNode);
            if (Values.Percent(_sink, valueNode) is { } percent) byTier[tier] = percent;
        }

        return byTier;
    }

    private void RateTables(MapReader map, string key, RefKind kind, Dictionary<string, RateTable> into)
    {
        foreach (var (target, targetNode, node) in map.Keyed(key, required: false))
        {
            Refer(kind, target, targetNode);
            if (MapReader.From(_sink, node, "{ percent, byTier }") is not { } table) continue;
            var rates = new RateTable(table.Percent("percent", required: false), ByTier(table));
            if (rates.Percent is null && rates.ByTier.Count == 0 && table.Get("percent") is null)
                _sink.Add(node, $"{node.Path}: give a percent, a byTier, or both.");
            table.Done();
            into[target] = rates;
        }
    }

    private List<VolumeBand> VolumeBands(MapReader map)
    {
        var result = new List<VolumeBand>();
        var checks = new List<Bands.Band>();
        if (map.Get("volumeBands") is not { } node) return result;
        if (node is not YSequence seq)
        {
            _sink.Add(node, $"{node.Path}: expected a list of {{ min, max, percent }}, found {node.Describe()}.");
            return result;
        }

        foreach (var item in seq.Items)
        {
            if (MapReader.From(_sink, item, "a volume band { min, max, percent }") is not { } band) continue;
            var min = band.Money("min", _exponent, required: false);
            var max = band.Money("max", _exponent, required: false);
            var percent = band.Percent("percent");
            band.Done();
            result.Add(new VolumeBand(min, max, percent ?? 0));
            checks.Add(new Bands.Band($"band {checks.Count + 1}", min, max, item));
        }

        Bands.CheckTiling(_sink, checks, m => Display.Money(m, _currency), "volume band");
        return result;
    }
}
