namespace PartnerHub.Core.Ledger;

public readonly record struct LedgerTransactionId(Guid Value)
{
    /// <summary>A version 7 id stamped with the posting instant, so ids sort by posting time without reading a clock.</summary>
    public static LedgerTransactionId New(DateTimeOffset postedAt) => new(Guid.CreateVersion7(postedAt));

    public override string ToString() => Value.ToString();
}
