using PartnerHub.App.Persistence;
using PartnerHub.Core.Facts;
using PartnerHub.Core.Partners;

namespace PartnerHub.App.Facts;

/// <summary>
/// A stored fact: a small row the evaluation engine reads. Rows are identified by a natural key (an external id from
/// the source system, or what the fact is about and its date), so that importing the same file twice changes nothing.
/// </summary>
public interface IFactRecord
{
    long Id { get; }
}

/// <summary>
/// Money attributed (or still to be attributed) to a partner: a closed-won deal (booking), an invoice, a payment, a
/// refund or a chargeback, on its business date. The ledger builds on this table: <see cref="ExternalId"/> is the
/// source system's event id and the idempotency key; <see cref="PartnerId"/> is null until the event is attributed.
/// <see cref="AmountMinor"/> is a magnitude in <see cref="Currency"/>'s minor units; <see cref="Kind"/> gives the direction.
/// Unattributed events name no partner, so partner users neither see nor write them.
/// </summary>
public sealed class RevenueEventRecord : IFactRecord, IPartnerTagged
{
    public long Id { get; set; }
    public string ExternalId { get; set; } = "";
    public PartnerId? PartnerId { get; set; }
    public RevenueKind Kind { get; set; }
    public DateOnly OccurredOn { get; set; }
    public long AmountMinor { get; set; }
    public string Currency { get; set; } = "";

    /// <summary>The customer in the source system (CRM account, billing customer id); feeds customer retention.</summary>
    public string? CustomerRef { get; set; }

    /// <summary>The deal registration this revenue came from, when known (attribution through a registration).</summary>
    public Guid? DealRegistrationId { get; set; }

    /// <summary>Where the event came from: "crm", "billing", "import", "api", "demo".</summary>
    public string Source { get; set; } = "";
    public DateTimeOffset ReceivedAt { get; set; }

    /// <summary>The customer's web domain as the source sent it, canonical; attribution matches it to a registration.</summary>
    public string? CustomerDomain { get; set; }

    /// <summary>The referral code the customer came with, as sent (attribution through a partner's referral code).</summary>
    public string? ReferralCode { get; set; }

    /// <summary>For a refund or chargeback: the external id of the payment it reverses (given, or found by customer).</summary>
    public string? OriginalExternalId { get; set; }

    /// <summary>How the partner was found: partner, registration, referral-code, customer-domain, customer, original, manual; null while unattributed.</summary>
    public string? Attribution { get; set; }

    /// <summary>The attribution's explanation, or why the event is still unattributed.</summary>
    public string? AttributionNote { get; set; }

    public DateTimeOffset? AttributedAt { get; set; }
    public string? AttributedBy { get; set; }
}

/// <summary>A registered deal as the engine sees it: registered and closed dates, outcome and amount.</summary>
public sealed class DealFactRecord : IFactRecord, IPartnerOwned
{
    public long Id { get; set; }
    public string ExternalId { get; set; } = "";
    public PartnerId PartnerId { get; set; }
    public DateOnly RegisteredOn { get; set; }
    public DateOnly? ClosedOn { get; set; }
    public DealOutcome Outcome { get; set; }
    public long AmountMinor { get; set; }
    public string Currency { get; set; } = "";

    /// <summary>The deal registration (workflow) this fact mirrors, once registrations feed deal facts.</summary>
    public Guid? DealRegistrationId { get; set; }
}

/// <summary>The sources of training, exam and certification facts: imported ones and those earned in the app share the tables.</summary>
public static class FactSources
{
    public const string Import = "import";
    public const string Portal = "portal";
}

public sealed class TrainingCompletionRecord : IFactRecord, IPartnerOwned
{
    public long Id { get; set; }
    public PartnerId PartnerId { get; set; }
    public string Track { get; set; } = "";
    public DateOnly CompletedOn { get; set; }

    /// <summary>Where the fact came from: "import" (API, CSV, demo bulk load) or "portal" (earned in PartnerHub's training and exams).</summary>
    public string Source { get; set; } = FactSources.Import;
}

public sealed class ExamAttemptRecord : IFactRecord, IPartnerOwned
{
    public long Id { get; set; }
    public PartnerId PartnerId { get; set; }
    public string Exam { get; set; } = "";
    public DateOnly TakenOn { get; set; }
    public int Score { get; set; }

    /// <summary>Where the fact came from: "import" (API, CSV, demo bulk load) or "portal" (earned in PartnerHub's training and exams).</summary>
    public string Source { get; set; } = FactSources.Import;
}

public sealed class CertificationAwardRecord : IFactRecord, IPartnerOwned
{
    public long Id { get; set; }
    public PartnerId PartnerId { get; set; }
    public string Level { get; set; } = "";
    public DateOnly AwardedOn { get; set; }

    /// <summary>Where the fact came from: "import" (API, CSV, demo bulk load) or "portal" (earned in PartnerHub's training and exams).</summary>
    public string Source { get; set; } = FactSources.Import;
}

/// <summary>A commitment the partner signed (an annual business plan), covering <see cref="StartsOn"/> to <see cref="EndsOn"/> inclusive.</summary>
public sealed class CommitmentRecord : IFactRecord, IPartnerOwned
{
    public long Id { get; set; }
    public PartnerId PartnerId { get; set; }
    public DateOnly StartsOn { get; set; }
    public DateOnly EndsOn { get; set; }
    public string? Description { get; set; }
}

/// <summary>A satisfaction or advocacy answer, stored normalized to 0–100.</summary>
public sealed class SurveyResponseRecord : IFactRecord, IPartnerOwned
{
    public long Id { get; set; }
    public string ExternalId { get; set; } = "";
    public PartnerId PartnerId { get; set; }
    public SurveyKind Kind { get; set; }
    public DateOnly AnsweredOn { get; set; }
    public int Score { get; set; }
}

/// <summary>A partner manager's 1–5 rating of one tier criterion; the latest on or before a date counts.</summary>
public sealed class ManagerRatingRecord : IFactRecord, IPartnerOwned
{
    public long Id { get; set; }
    public PartnerId PartnerId { get; set; }
    public string Criterion { get; set; } = "";
    public DateOnly RatedOn { get; set; }
    public int Score { get; set; }
    public string? RatedBy { get; set; }
}

/// <summary>Engagement of one kind on one day, rolled up: logins, downloads, webinars attended…</summary>
public sealed class EngagementRecord : IFactRecord, IPartnerOwned
{
    public long Id { get; set; }
    public PartnerId PartnerId { get; set; }
    public string Kind { get; set; } = "";
    public DateOnly OccurredOn { get; set; }
    public int Count { get; set; }
}

/// <summary>A known cost of the partnership (enablement, market development funds, co-marketing spend).</summary>
public sealed class CostRecord : IFactRecord, IPartnerOwned
{
    public long Id { get; set; }
    public string ExternalId { get; set; } = "";
    public PartnerId PartnerId { get; set; }
    public DateOnly IncurredOn { get; set; }
    public long AmountMinor { get; set; }
    public string Currency { get; set; } = "";
    public string? Category { get; set; }
    public string? Description { get; set; }
}

/// <summary>The whole company's revenue in one calendar month (not a partner's), for the partners' share of it.</summary>
public sealed class CompanyRevenueRecord : IFactRecord
{
    public long Id { get; set; }
    public int Year { get; set; }
    public int Month { get; set; }
    public long RevenueMinor { get; set; }
    public string Currency { get; set; } = "";
}

/// <summary>
/// One row counting changes to facts. Every write of facts through PartnerHub adds one in the same transaction, so an
/// in-memory copy of all facts knows with one cheap query whether it is still current (<see cref="ProgramFactsCache"/>).
/// </summary>
public sealed class FactsVersion
{
    public int Id { get; set; }
    public long Generation { get; set; }
}
