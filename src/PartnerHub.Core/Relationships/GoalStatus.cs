namespace PartnerHub.Core.Relationships;

/// <summary>Where a relationship-plan goal is: open until it is achieved, missed or dropped.</summary>
public enum GoalStatus
{
    Open,
    Achieved,
    Missed,
    Dropped,
}

public static class GoalStatuses
{
    public static string Key(this GoalStatus status) => status.ToString().ToLowerInvariant();

    public static bool TryParse(string? text, out GoalStatus status) =>
        Enum.TryParse(text?.Trim(), ignoreCase: true, out status) && Enum.IsDefined(status) && !int.TryParse(text, out _);
}
