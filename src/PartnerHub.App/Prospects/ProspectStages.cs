using PartnerHub.Core.Partners;

namespace PartnerHub.App.Prospects;

/// <summary>Which lifecycle stages the identification phase works with.</summary>
public static class ProspectStages
{
    /// <summary>Assessed and contacted: prospects, qualified partners (re-assessed, or cooling), and churned ones being won back.</summary>
    public static readonly LifecycleStage[] Workable = [LifecycleStage.Prospect, LifecycleStage.Qualified, LifecycleStage.Churned];

    /// <summary>On the opportunity matrix: the prospects and the qualified partners not yet onboarding.</summary>
    public static readonly LifecycleStage[] OnMatrix = [LifecycleStage.Prospect, LifecycleStage.Qualified];
}
