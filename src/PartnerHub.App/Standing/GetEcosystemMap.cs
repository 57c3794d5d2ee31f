using Microsoft.EntityFrameworkCore;
using PartnerHub.App.Persistence;
using PartnerHub.Core.Evaluation;
using PartnerHub.Core.Programs;

namespace PartnerHub.App.Standing;

/// <summary>The ecosystem map on a date: layers, their groups with active partners by held tier, average health, and the partners.</summary>
public sealed record EcosystemMapView(string ProgramVersion, DateOnly AsOf, IReadOnlyList<NamedKey> Tiers, IReadOnlyList<MapLayerView> Layers);

public sealed record MapLayerView(string Key, string Name, IReadOnlyList<MapNodeView> Nodes);

/// <summary>A group on the map; <see cref="Id"/> ("technology-2") names it in links.</summary>
public sealed record MapNodeView(string Id, string Name, string? Description, IReadOnlyList<string> Members, IReadOnlyList<string> Subcategories,
    int Count, IReadOnlyList<int> Tiers, decimal? AverageHealth, IReadOnlyList<MapPartnerView> Partners);

public sealed record MapPartnerView(Guid Id, string Name, string Tier, decimal? Health);

public sealed class GetEcosystemMap(PartnerHubDb db, EvaluateProgram evaluate)
{
    public async Task<EcosystemMapView> HandleAsync(DateOnly? asOf, CancellationToken ct)
    {
        var e = await evaluate.AtAsync(asOf, ct);
        var program = e.Version.Program;
        var names = await db.Partners.AsNoTracking().Select(p => new { p.Id, p.Name }).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var layers = EcosystemMap.Compute(program, e.Facts, e.Evaluation).Select(layer => new MapLayerView(layer.Key, layer.Name,
            layer.Nodes.Select((node, i) => new MapNodeView($"{layer.Key}-{i}", node.Name, node.Description, node.Members, node.Subcategories, node.Count,
                node.Tiers, node.AverageHealth,
                node.Partners.Select(p => new MapPartnerView(p.Id.Value, names.GetValueOrDefault(p.Id) ?? p.Id.ToString(), program.Tiers[p.Tier].Key, p.Health))
                    .OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase).ToList())).ToList())).ToList();
        return new EcosystemMapView(e.Version.Label, e.AsOf, program.Tiers.Select(t => new NamedKey(t.Key, Display.TierName(t))).ToList(), layers);
    }
}
