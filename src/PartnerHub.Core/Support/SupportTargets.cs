using PartnerHub.Core.Common;
using PartnerHub.Core.Programs;

namespace PartnerHub.Core.Support;

/// <summary>The SLA targets of one ticket, in business hours; null where the program sets none.</summary>
public sealed record SupportTargets(decimal? FirstResponseHours, decimal? ResolutionHours)
{
    /// <summary>Which rule chose the first-response target, for the ticket's explanation.</summary>
    public string Explanation { get; init; } = "";
}

/// <summary>
/// The program's support rules for a ticket: what a tier may ask for (levels up to its maxLevel, its channels) and which
/// targets apply. The first-response target is the stricter (shorter) of the level's and the tier's channel target; the
/// resolution target is the level's. Both run in business hours of the program's support calendar.
/// </summary>
public static class SupportRules
{
    /// <summary>Checks a new ticket's level and channel against the partner's tier, naming the field at fault.</summary>
    public static Result Allowed(SupportCatalog catalog, Tier tier, int level, string channel)
    {
        var fields = new Dictionary<string, string[]>();
        if (catalog.Levels.All(l => l.Level != level))
            fields["level"] = [$"Support level {level} does not exist; the program's levels are 1 to {catalog.Levels.Count}."];
        else if (level > tier.Support.MaxLevel)
            fields["level"] = [$"Your tier ({tier.Name}) includes support up to level {tier.Support.MaxLevel}; level {level} is not included."];
        if (catalog.Channels.All(c => c.Name != channel))
            fields["channel"] = [$"'{channel}' is not a support channel; the channels are {string.Join(", ", catalog.Channels.Select(c => c.Name))}."];
        else if (tier.Support.Channels.All(c => c.Channel != channel))
            fields["channel"] = [$"Your tier ({tier.Name}) does not include {channel} support; it includes {string.Join(", ", tier.Support.Channels.Select(c => c.Channel))}."];
        return fields.Count == 0 ? Result.Success : Error.Validation(fields);
    }

    /// <summary>The targets of a ticket at <paramref name="level"/> opened on <paramref name="channel"/> by a partner of <paramref name="tier"/>.</summary>
    public static SupportTargets Targets(SupportCatalog catalog, Tier tier, int level, string channel)
    {
        var byLevel = catalog.Levels.FirstOrDefault(l => l.Level == level);
        var byChannel = tier.Support.Channels.FirstOrDefault(c => c.Channel == channel)?.ResponseHours;
        var levelHours = byLevel?.FirstResponseHours;
        decimal? first = (levelHours, byChannel) switch
        {
            ({ } l, { } c) => Math.Min(l, c),
            ({ } l, null) => l,
            (null, { } c) => c,
            _ => null,
        };
        var why = (levelHours, byChannel) switch
        {
            ({ } l, { } c) when c < l => $"first response {Hours(c)} (the {tier.Name} {channel} target, stricter than level {level}'s {Hours(l)})",
            ({ } l, { } c) => $"first response {Hours(l)} (level {level}'s target, no looser than the {tier.Name} {channel} target of {Hours(c)})",
            ({ } l, null) => $"first response {Hours(l)} (level {level}'s target)",
            (null, { } c) => $"first response {Hours(c)} (the {tier.Name} {channel} target)",
            _ => "no first-response target",
        };
        var resolution = byLevel?.ResolutionHours;
        why += resolution is { } r ? $"; resolution {Hours(r)} (level {level}'s target), in business hours" : "; no resolution target";
        return new SupportTargets(first, resolution) { Explanation = why };
    }

    /// <summary>
    /// The level an escalation moves to: the next one, up to the program's highest level. The vendor may escalate past the
    /// tier's maxLevel (an internal hand-over, e.g. to engineering); the tier limits only what a partner may open.
    /// </summary>
    public static Result<int> NextLevel(SupportCatalog catalog, int level) =>
        level >= catalog.Levels.Count
            ? Error.Conflict("top_level", $"The ticket is at level {level}, the program's highest support level; it cannot be escalated further.")
            : level + 1;

    public static string Hours(decimal hours) => $"{Display.Number(hours)} h";
}
