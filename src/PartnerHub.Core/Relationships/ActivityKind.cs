namespace PartnerHub.Core.Relationships;

/// <summary>What kind of contact a relationship activity was.</summary>
public enum ActivityKind
{
    Meeting,
    Qbr,
    Call,
    Email,
    Note,
}

public static class ActivityKinds
{
    public static string Key(this ActivityKind kind) => kind.ToString().ToLowerInvariant();

    public static bool TryParse(string? text, out ActivityKind kind) =>
        Enum.TryParse(text?.Trim(), ignoreCase: true, out kind) && Enum.IsDefined(kind) && !int.TryParse(text, out _);
}
