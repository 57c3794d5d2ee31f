namespace PartnerHub.Core.Deals;

public readonly record struct DealId(Guid Value)
{
    public static DealId New() => new(Guid.CreateVersion7());

    /// <summary>A version 7 id stamped with <paramref name="at"/>, so ids sort by submission time without reading a clock.</summary>
    public static DealId New(DateTimeOffset at) => new(Guid.CreateVersion7(at));

    public override string ToString() => Value.ToString();
}
