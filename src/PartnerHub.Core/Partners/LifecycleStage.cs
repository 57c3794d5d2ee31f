namespace PartnerHub.Core.Partners;

/// <summary>Where a partner organization is in the seed's three-phase development process.</summary>
public enum LifecycleStage
{
    Prospect,
    Qualified,
    Onboarding,
    Active,
    Churned,
    Terminated,
}

/// <summary>The allowed moves between lifecycle stages; everything else is refused with the list of allowed moves.</summary>
public static class Lifecycle
{
    private static readonly Dictionary<LifecycleStage, LifecycleStage[]> Next = new()
    {
        // Identification: a prospect is qualified, or dropped.
        [LifecycleStage.Prospect] = [LifecycleStage.Qualified, LifecycleStage.Terminated],
        // A qualified partner may fall back to prospect when the opportunity cools.
        [LifecycleStage.Qualified] = [LifecycleStage.Onboarding, LifecycleStage.Prospect, LifecycleStage.Terminated],
        [LifecycleStage.Onboarding] = [LifecycleStage.Active, LifecycleStage.Terminated],
        [LifecycleStage.Active] = [LifecycleStage.Churned, LifecycleStage.Terminated],
        // A churned partner can be won back, but goes through qualification again.
        [LifecycleStage.Churned] = [LifecycleStage.Qualified, LifecycleStage.Terminated],
        [LifecycleStage.Terminated] = [],
    };

    public static IReadOnlyList<LifecycleStage> AllowedAfter(LifecycleStage stage) => Next[stage];

    public static bool CanMove(LifecycleStage from, LifecycleStage to) => from == to || Next[from].Contains(to);

    public static string Key(this LifecycleStage stage) => stage.ToString().ToLowerInvariant();

    public static bool TryParse(string? text, out LifecycleStage stage) =>
        Enum.TryParse(text?.Trim(), ignoreCase: true, out stage) && Enum.IsDefined(stage) && !int.TryParse(text, out _);
}
