namespace PartnerHub.App.Ledger;

public readonly record struct StatementId(Guid Value)
{
    public static StatementId New(DateTimeOffset at) => new(Guid.CreateVersion7(at));

    public override string ToString() => Value.ToString();
}

public readonly record struct PayoutBatchId(Guid Value)
{
    public static PayoutBatchId New(DateTimeOffset at) => new(Guid.CreateVersion7(at));

    public override string ToString() => Value.ToString();
}
