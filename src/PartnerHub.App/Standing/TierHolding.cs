using PartnerHub.App.Persistence;
using PartnerHub.Core.Partners;

namespace PartnerHub.App.Standing;

/// <summary>
/// The tier a partner was last seen holding by the tier watch (<see cref="WatchTiers"/>). Tiers are computed on read;
/// this row exists only so a change can be noticed and announced (<c>tier.changed</c> webhooks). It is never the
/// source of a tier: the engine is.
/// </summary>
public sealed class TierHolding : IVendorOnly
{
    private TierHolding()
    {
    }

    public PartnerId PartnerId { get; private set; }
    public string Tier { get; private set; } = "";
    public DateOnly Since { get; private set; }
    public string ProgramVersion { get; private set; } = "";

    /// <summary>The engine's explanation of the tier held when it was recorded.</summary>
    public string Explanation { get; private set; } = "";

    public static TierHolding First(PartnerId partner, string tier, DateOnly on, string version) =>
        new() { PartnerId = partner, Tier = tier, Since = on, ProgramVersion = version };

    public void Move(string tier, DateOnly on, string version, string explanation) =>
        (Tier, Since, ProgramVersion, Explanation) = (tier, on, version, explanation);
}
