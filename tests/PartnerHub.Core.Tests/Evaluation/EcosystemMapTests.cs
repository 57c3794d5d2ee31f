using PartnerHub.Core.Evaluation;
using PartnerHub.Core.Facts;
using PartnerHub.Core.Tests.Programs;
using static PartnerHub.Core.Tests.Evaluation.PartnerBuilder;

namespace PartnerHub.Core.Tests.Evaluation;

/// <summary>Active partners placed on the program's ecosystem map by subcategory.</summary>
public sealed class EcosystemMapTests
{
    [Fact]
    public void Groups_count_their_active_partners_per_held_tier_with_average_health()
    {
        var strategic = new PartnerBuilder().Started("2024-01-15").In("technology", "integration").RatedAll(5).Paid("2025-06-01", 200_000m);
        var standard = new PartnerBuilder().Started("2024-01-15").In("technology", "integration");
        var left = new PartnerBuilder().Started("2024-01-15").Ended("2025-01-01").In("technology", "integration");
        var consultant = new PartnerBuilder().Started("2024-01-15").In("business", "technology-consultants");
        var facts = new ProgramFacts([strategic.Build(), standard.Build(), left.Build(), consultant.Build()], []);
        var evaluation = Evaluator.EvaluateAll(DefaultProgram.Program, "v1", facts, D("2026-03-01"));

        var map = EcosystemMap.Compute(DefaultProgram.Program, facts, evaluation);

        Assert.Equal(["core", "technology", "service", "channel", "customer"], map.Select(l => l.Key));
        var integration = map.Single(l => l.Key == "technology").Nodes.Single(n => n.Name == "Integration Platforms");
        Assert.Equal([strategic.Id, standard.Id], integration.Partners.Select(p => p.Id));
        Assert.Equal([1, 0, 1], integration.Tiers);
        var health = integration.Partners.Select(p => p.Health!.Value).Average();
        Assert.Equal(Math.Round(health, 1), integration.AverageHealth);
        // A consultant is both an implementation and a consulting partner; an empty group has no health.
        var service = map.Single(l => l.Key == "service").Nodes;
        Assert.Equal(1, service.Single(n => n.Name == "Implementation Partners").Count);
        Assert.Equal(1, service.Single(n => n.Name == "Consulting Partners").Count);
        Assert.Null(service.Single(n => n.Name == "Support Partners").AverageHealth);
    }
}
