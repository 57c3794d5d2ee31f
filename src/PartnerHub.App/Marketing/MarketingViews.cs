namespace PartnerHub.App.Marketing;

/// <summary>A collateral item with its current version's file; <see cref="Downloads"/> counts the reader's own downloads (a partner) or all (vendor staff).</summary>
public sealed record CollateralView(Guid Id, string Title, string Kind, string? Category, string? MinTier, IReadOnlyList<string> Tags, string? Description,
    int Version, string FileName, string ContentType, long Size, string Sha256, DateTimeOffset UpdatedAt, int Downloads);

/// <summary>The library as one reader sees it: for a partner, the tier and category that decided what is listed.</summary>
public sealed record CollateralLibrary(string? Tier, string? TierName, string? Category, IReadOnlyList<CollateralView> Items);

/// <summary>What describes a new collateral item; the file comes separately.</summary>
public sealed record NewCollateral(string? Title, string? Kind, string? Category, string? MinTier, string? Tags, string? Description);

/// <summary>A stored file handed out for download.</summary>
public sealed record MarketingFile(string FileName, string ContentType, string Sha256, byte[] Content);

/// <summary>A co-marketing activity as its partner and the managers read it. Amounts are major-unit strings plus minor units.</summary>
public sealed record MdfActivityView(Guid Id, Guid PartnerId, string PartnerName, string Period, string Kind, string Title, string Proposal,
    DateOnly PlannedOn, string Status, string Currency, long AskedMinor, long? ApprovedMinor, long? ClaimMinor, long? PaidMinor,
    DateTimeOffset RequestedAt, string RequestedBy, string? DecidedBy, DateTimeOffset? DecidedAt, string? DecisionNote, DateOnly? ExecutedOn, string? ClaimNote,
    string? ProofFileName, string? ClaimDecidedBy, DateTimeOffset? ClaimDecidedAt, string? ClaimDecisionNote, Guid? LedgerTransactionId, int Version);

/// <summary>A partner's market development funds for one period: the budget and its explanation, what is committed, paid and left.</summary>
public sealed record MdfBudgetView(Guid PartnerId, string PartnerName, string Period, DateOnly FirstDay, DateOnly LastDay, string Tier, string Currency,
    long BudgetMinor, long CommittedMinor, long PaidMinor, long AvailableMinor, string Explanation, bool Fixed, IReadOnlyList<MdfActivityView> Activities);
