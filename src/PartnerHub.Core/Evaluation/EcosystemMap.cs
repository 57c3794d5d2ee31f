using PartnerHub.Core.Facts;
using PartnerHub.Core.Partners;
using PartnerHub.Core.Programs;

namespace PartnerHub.Core.Evaluation;

/// <summary>An active partner on the map: the tier it holds (index into the program's tiers) and its health score.</summary>
public sealed record MapPartner(PartnerId Id, int Tier, decimal? Health);

/// <summary>
/// A group of the program's ecosystem map with the active partners whose subcategory it lists: how many, per held tier
/// (in the program's tier order), and their average health (null when none has a health score).
/// </summary>
public sealed record EcosystemNode(string Name, string? Description, IReadOnlyList<string> Members, IReadOnlyList<string> Subcategories,
    IReadOnlyList<int> Tiers, decimal? AverageHealth, IReadOnlyList<MapPartner> Partners)
{
    public int Count => Partners.Count;
}

public sealed record EcosystemLayerNodes(string Key, string Name, IReadOnlyList<EcosystemNode> Nodes);

/// <summary>The ecosystem map on a date: every layer and group of the program file, with the active partners placed by subcategory.</summary>
public static class EcosystemMap
{
    public static IReadOnlyList<EcosystemLayerNodes> Compute(PartnerProgram program, ProgramFacts facts, ProgramEvaluation evaluation)
    {
        // A partner belongs to every group that lists its subcategory (a consultant can be both an implementation and a consulting partner).
        var bySubcategory = new Dictionary<string, List<MapPartner>>(StringComparer.Ordinal);
        for (var i = 0; i < facts.Partners.Count; i++)
        {
            var s = evaluation.Partners[i];
            if (!s.Active) continue;
            var sub = facts.Partners[i].Subcategory;
            if (!bySubcategory.TryGetValue(sub, out var list)) bySubcategory[sub] = list = [];
            list.Add(new MapPartner(s.PartnerId, s.HeldTier, s.HealthScore));
        }

        return program.Ecosystem.Layers.Select(layer => new EcosystemLayerNodes(layer.Key, layer.Name, layer.Groups.Select(group =>
        {
            var partners = group.Subcategories.SelectMany(sub => bySubcategory.GetValueOrDefault(sub) ?? []).Distinct().ToList();
            var tiers = program.Tiers.Select((_, t) => partners.Count(p => p.Tier == t)).ToList();
            var health = partners.Where(p => p.Health is not null).Select(p => p.Health!.Value).ToList();
            return new EcosystemNode(group.Name, group.Description, group.Members, group.Subcategories, tiers,
                health.Count == 0 ? null : Math.Round(health.Average(), 1), partners);
        }).ToList())).ToList();
    }
}
