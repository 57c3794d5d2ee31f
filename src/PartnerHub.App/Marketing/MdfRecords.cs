using System.Globalization;
using System.Security.Cryptography;
using PartnerHub.App.Persistence;
using PartnerHub.Core.Common;
using PartnerHub.Core.Ledger;
using PartnerHub.Core.Marketing;
using PartnerHub.Core.Partners;

namespace PartnerHub.App.Marketing;

/// <summary>
/// A partner's market development funds for one period, fixed when the period's first activity is requested (so a tier
/// change mid-quarter does not move the goalposts). Every decision on the period's activities bumps <see cref="Version"/>,
/// a concurrency token: two approvals racing for the same money cannot both pass.
/// </summary>
public sealed class MdfBudgetRecord : IPartnerOwned, IAudited
{
    private MdfBudgetRecord()
    {
    }

    public Guid Id { get; private set; }
    public PartnerId PartnerId { get; private set; }
    public string Period { get; private set; } = "";
    public DateOnly FirstDay { get; private set; }
    public DateOnly LastDay { get; private set; }
    public string Tier { get; private set; } = "";
    public long AmountMinor { get; private set; }
    public Currency Currency { get; private set; }
    public string Explanation { get; private set; } = "";
    public string ProgramVersion { get; private set; } = "";
    public int Version { get; private set; }

    public Money Amount => new(AmountMinor, Currency);

    string IAudited.AuditEntity => "mdf-budget";

    string IAudited.AuditId => Id.ToString();

    public static MdfBudgetRecord Fix(PartnerId partner, MdfPeriod period, string tier, MdfBudget budget, string programVersion) => new()
    {
        Id = Guid.CreateVersion7(), PartnerId = partner, Period = period.Label, FirstDay = period.FirstDay, LastDay = period.LastDay, Tier = tier,
        AmountMinor = budget.Amount.Minor, Currency = budget.Amount.Currency, Explanation = budget.Explanation, ProgramVersion = programVersion, Version = 1,
    };

    public void Touch() => Version++;

    public IReadOnlyDictionary<string, string?> AuditSnapshot() => new Dictionary<string, string?>
    {
        ["period"] = Period,
        ["tier"] = Tier,
        ["amount"] = Amount.ToString(),
        ["explanation"] = Explanation,
        ["programVersion"] = ProgramVersion,
    };
}

/// <summary>
/// A co-marketing activity a partner asks funds for: proposal and budget asked, the manager's decision, execution and
/// proof of performance with the claim, and the claim's decision (paid through the ledger). Every change is audited.
/// </summary>
public sealed class MdfActivity : IPartnerOwned, IAudited
{
    public const int MaxTitle = 200;
    public const int MaxText = 4000;
    public const int MaxNote = 1000;

    private MdfActivity()
    {
    }

    public Guid Id { get; private set; }
    public PartnerId PartnerId { get; private set; }
    public Guid BudgetId { get; private set; }
    public string Period { get; private set; } = "";
    public string Kind { get; private set; } = "";
    public string Title { get; private set; } = "";
    public string Proposal { get; private set; } = "";
    public DateOnly PlannedOn { get; private set; }
    public long AskedMinor { get; private set; }
    public Currency Currency { get; private set; }
    public MdfStatus Status { get; private set; }
    public DateTimeOffset RequestedAt { get; private set; }
    public string RequestedBy { get; private set; } = "";
    public long? ApprovedMinor { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public string? DecidedBy { get; private set; }
    public string? DecisionNote { get; private set; }
    public DateOnly? ExecutedOn { get; private set; }
    public long? ClaimMinor { get; private set; }
    public string? ClaimNote { get; private set; }
    public Guid? ProofId { get; private set; }
    public DateTimeOffset? ClaimedAt { get; private set; }
    public string? ClaimedBy { get; private set; }
    public DateTimeOffset? ClaimDecidedAt { get; private set; }
    public string? ClaimDecidedBy { get; private set; }
    public string? ClaimDecisionNote { get; private set; }
    public long? PaidMinor { get; private set; }
    public LedgerTransactionId? LedgerTransactionId { get; private set; }
    public int Version { get; private set; }

    public Money Asked => new(AskedMinor, Currency);

    public Money? Approved => ApprovedMinor is { } a ? new Money(a, Currency) : null;

    public Money? Paid => PaidMinor is { } p ? new Money(p, Currency) : null;

    public MdfActivityState State => new(Status, Approved, Paid);

    string IAudited.AuditEntity => "mdf-activity";

    string IAudited.AuditId => Id.ToString();

    public static MdfActivity Request(PartnerId partner, MdfBudgetRecord budget, string kind, string title, string proposal, DateOnly plannedOn, Money asked,
        string by, DateTimeOffset now) => new()
        {
            Id = Guid.CreateVersion7(), PartnerId = partner, BudgetId = budget.Id, Period = budget.Period, Kind = kind, Title = title, Proposal = proposal,
            PlannedOn = plannedOn, AskedMinor = asked.Minor, Currency = asked.Currency, Status = MdfStatus.Requested, RequestedAt = now, RequestedBy = by, Version = 1,
        };

    public Result Approve(Money amount, string? note, string by, DateTimeOffset now)
    {
        if (Status != MdfStatus.Requested) return MarketingErrors.WrongStatus("approved", Describe(Status));
        (Status, ApprovedMinor, DecisionNote, DecidedBy, DecidedAt) = (MdfStatus.Approved, amount.Minor, note, by, now);
        Version++;
        return Result.Success;
    }

    public Result Reject(string note, string by, DateTimeOffset now)
    {
        if (Status != MdfStatus.Requested) return MarketingErrors.WrongStatus("rejected", Describe(Status));
        (Status, DecisionNote, DecidedBy, DecidedAt) = (MdfStatus.Rejected, note, by, now);
        Version++;
        return Result.Success;
    }

    /// <summary>Executed, with proof: claims an amount. A rejected claim may be claimed again with new proof.</summary>
    public Result Claim(Money amount, DateOnly executedOn, string? note, Guid proof, string by, DateTimeOffset now)
    {
        if (Status is not (MdfStatus.Approved or MdfStatus.ClaimRejected)) return MarketingErrors.WrongStatus("claimed", Describe(Status));
        (Status, ClaimMinor, ExecutedOn, ClaimNote, ProofId, ClaimedBy, ClaimedAt) = (MdfStatus.Claimed, amount.Minor, executedOn, note, proof, by, now);
        (ClaimDecidedAt, ClaimDecidedBy, ClaimDecisionNote) = (null, null, null);
        Version++;
        return Result.Success;
    }

    public Result Pay(LedgerTransactionId transaction, string? note, string by, DateTimeOffset now)
    {
        if (Status != MdfStatus.Claimed) return MarketingErrors.WrongStatus("paid", Describe(Status));
        (Status, PaidMinor, LedgerTransactionId, ClaimDecisionNote, ClaimDecidedBy, ClaimDecidedAt) = (MdfStatus.Paid, ClaimMinor, transaction, note, by, now);
        Version++;
        return Result.Success;
    }

    public Result RejectClaim(string note, string by, DateTimeOffset now)
    {
        if (Status != MdfStatus.Claimed) return MarketingErrors.WrongStatus("rejected as a claim", Describe(Status));
        (Status, ClaimDecisionNote, ClaimDecidedBy, ClaimDecidedAt) = (MdfStatus.ClaimRejected, note, by, now);
        Version++;
        return Result.Success;
    }

    public static string Describe(MdfStatus status) => status switch
    {
        MdfStatus.Requested => "requested",
        MdfStatus.Approved => "approved",
        MdfStatus.Rejected => "rejected",
        MdfStatus.Claimed => "claimed",
        MdfStatus.ClaimRejected => "claim-rejected",
        MdfStatus.Paid => "paid",
        _ => status.ToString(),
    };

    public IReadOnlyDictionary<string, string?> AuditSnapshot() => new Dictionary<string, string?>
    {
        ["status"] = Describe(Status),
        ["period"] = Period,
        ["kind"] = Kind,
        ["title"] = Title,
        ["asked"] = Asked.ToString(),
        ["approved"] = Approved?.ToString(),
        ["decisionNote"] = DecisionNote,
        ["claim"] = ClaimMinor is { } c ? new Money(c, Currency).ToString() : null,
        ["executedOn"] = ExecutedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["proof"] = ProofId?.ToString(),
        ["claimDecisionNote"] = ClaimDecisionNote,
        ["paid"] = Paid?.ToString(),
        ["ledgerTransaction"] = LedgerTransactionId?.ToString(),
    };
}

/// <summary>A proof-of-performance file of a claim, stored like onboarding evidence: bytes in the database with SHA-256.</summary>
public sealed class MdfProof : IPartnerOwned, IAudited
{
    private MdfProof()
    {
    }

    public Guid Id { get; private set; }
    public PartnerId PartnerId { get; private set; }
    public Guid ActivityId { get; private set; }
    public string FileName { get; private set; } = "";
    public string ContentType { get; private set; } = "";
    public long Size { get; private set; }
    public string Sha256 { get; private set; } = "";
    public byte[] Content { get; private set; } = [];
    public DateTimeOffset UploadedAt { get; private set; }
    public string UploadedBy { get; private set; } = "";

    string IAudited.AuditEntity => "mdf-proof";

    string IAudited.AuditId => Id.ToString();

    public static MdfProof Store(PartnerId partner, Guid activity, string fileName, string contentType, byte[] content, string by, DateTimeOffset at) => new()
    {
        Id = Guid.CreateVersion7(), PartnerId = partner, ActivityId = activity, FileName = fileName, ContentType = contentType, Size = content.LongLength,
        Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)), Content = content, UploadedAt = at, UploadedBy = by,
    };

    public IReadOnlyDictionary<string, string?> AuditSnapshot() => new Dictionary<string, string?>
    {
        ["fileName"] = FileName,
        ["contentType"] = ContentType,
        ["size"] = Size.ToString(CultureInfo.InvariantCulture),
        ["sha256"] = Sha256,
    };
}
