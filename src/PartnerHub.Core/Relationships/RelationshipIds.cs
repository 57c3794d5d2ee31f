namespace PartnerHub.Core.Relationships;

public readonly record struct GoalId(Guid Value)
{
    public static GoalId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}

public readonly record struct ActivityId(Guid Value)
{
    public static ActivityId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}
