namespace PartnerHub.Core.Prospects;

/// <summary>Where a prospect came from: the seed's market research, plus the other ways partners find us.</summary>
public enum ProspectSource
{
    MarketResearch,
    Inbound,
    Referral,
    Event,
}

/// <summary>How a contact attempt was made.</summary>
public enum OutreachChannel
{
    Email,
    Call,
    Meeting,
    Event,
    LinkedIn,
    Introduction,
}

/// <summary>What came of a contact attempt.</summary>
public enum OutreachOutcome
{
    NoResponse,
    Replied,
    MeetingBooked,
    Interested,
    NotInterested,
    NotNow,
}

/// <summary>The keys the API, CLI and pages use for these values ("market-research", "no-response").</summary>
public static class ProspectKeys
{
    public static string Key<T>(T value) where T : struct, Enum =>
        string.Concat(value.ToString().Select((c, i) => char.IsUpper(c) && i > 0 ? $"-{char.ToLowerInvariant(c)}" : $"{char.ToLowerInvariant(c)}"));

    public static IReadOnlyList<string> All<T>() where T : struct, Enum => Enum.GetValues<T>().Select(Key).ToArray();

    public static bool TryParse<T>(string? text, out T value) where T : struct, Enum
    {
        value = default;
        var trimmed = text?.Trim();
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (!string.Equals(Key(candidate), trimmed, StringComparison.OrdinalIgnoreCase)) continue;
            value = candidate;
            return true;
        }

        return false;
    }
}
