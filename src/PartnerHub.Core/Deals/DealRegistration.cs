using System.Globalization;
using PartnerHub.Core.Common;
using PartnerHub.Core.Partners;
using PartnerHub.Core.Programs;

namespace PartnerHub.Core.Deals;

/// <summary>One status change: from, to, when, by whom and why. Submission has no "from".</summary>
public sealed record StatusChange(DealStatus? From, DealStatus To, DateTimeOffset At, string? By, string? Reason);

/// <summary>A partner's request for more protection time, and the manager's answer once given.</summary>
public sealed record ExtensionRequest(DateTimeOffset RequestedAt, string Reason, bool? Granted = null, DateTimeOffset? DecidedAt = null, string? DecidedBy = null, string? DecisionReason = null)
{
    public bool IsPending => Granted is null;
}

/// <summary>
/// A partner's claim to a customer opportunity. Approval protects the customer for the program's protection window;
/// extensions lengthen it; once the window passes without a win or loss the registration expires. Every transition
/// takes "now", appends to the history and returns a typed error instead of changing anything when not allowed.
/// </summary>
public sealed class DealRegistration : IAudited, IOwnedByPartner
{
    private readonly List<StatusChange> _history = [];
    private readonly List<ExtensionRequest> _extensions = [];

    private DealRegistration()
    {
    }

    public DealId Id { get; private set; }
    public PartnerId PartnerId { get; private set; }

    /// <summary>The partner's or CRM's own id for this opportunity, when it has one; unique per partner.</summary>
    public string? ExternalId { get; private set; }

    public string CustomerName { get; private set; } = "";

    /// <summary>
    /// <see cref="CustomerName"/> normalized at submission (<see cref="NormalizedCompanyName.Key"/>), kept with the
    /// registration so a database can find exact name matches by index; the name never changes after submission.
    /// </summary>
    public string CustomerNameKey { get; private set; } = "";

    /// <summary>The look-alike skeleton of <see cref="CustomerName"/> (<see cref="NormalizedCompanyName.Skeleton"/>), kept for the same reason.</summary>
    public string CustomerNameSkeleton { get; private set; } = "";

    /// <summary>The customer's domain as given, canonical (<see cref="Deals.CustomerDomain.Host"/>).</summary>
    public string CustomerHost { get; private set; } = "";

    /// <summary>The registrable domain (eTLD+1) of <see cref="CustomerHost"/>: the key that decides whether two registrations name the same customer.</summary>
    public string CustomerRegistrableDomain { get; private set; } = "";

    public CustomerDomain CustomerDomain => new(CustomerHost, CustomerRegistrableDomain);
    public CustomerContact Contact { get; private set; } = new("", "");
    public string Product { get; private set; } = "";
    public Money EstimatedValue { get; private set; }
    public DateOnly ExpectedCloseOn { get; private set; }
    public string? Notes { get; private set; }
    public DateTimeOffset SubmittedAt { get; private set; }
    public DealStatus Status { get; private set; }

    /// <summary>End of protection, set on approval (approval instant + protection days) and moved by granted extensions.</summary>
    public DateTimeOffset? ProtectedUntil { get; private set; }

    /// <summary>When the extension request awaiting a decision was made; null when none waits. Lets a sweep find it by index.</summary>
    public DateTimeOffset? ExtensionPendingSince { get; private set; }

    public string? DecisionReason { get; private set; }
    public string? DecidedBy { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Optimistic-concurrency version, one up per change.</summary>
    public int Version { get; private set; }

    public IReadOnlyList<StatusChange> History => _history;
    public IReadOnlyList<ExtensionRequest> Extensions => _extensions;
    public int ExtensionsRequested => _extensions.Count;
    public int ExtensionsGranted => _extensions.Count(e => e.Granted == true);
    public ExtensionRequest? PendingExtension => _extensions.LastOrDefault(e => e.IsPending);

    string IAudited.AuditEntity => "deal_registration";

    string IAudited.AuditId => Id.ToString();

    /// <summary>Registers a deal at <paramref name="now"/>: the submission instant is the one first-wins compares.</summary>
    public static DealRegistration Submit(ValidDealRegistration details, PartnerId partner, DateTimeOffset now, DealId? id = null)
    {
        var name = CompanyName.Normalize(details.CustomerName);
        var deal = new DealRegistration
        {
            Id = id ?? DealId.New(now),
            PartnerId = partner,
            ExternalId = details.ExternalId,
            CustomerName = details.CustomerName,
            CustomerNameKey = name.Key,
            CustomerNameSkeleton = name.Skeleton,
            CustomerHost = details.CustomerDomain.Host,
            CustomerRegistrableDomain = details.CustomerDomain.Registrable,
            Contact = details.Contact,
            Product = details.Product,
            EstimatedValue = details.EstimatedValue,
            ExpectedCloseOn = details.ExpectedCloseOn,
            Notes = details.Notes,
            SubmittedAt = now,
            Status = DealStatus.Submitted,
            UpdatedAt = now,
            Version = 1,
        };
        deal._history.Add(new StatusChange(null, DealStatus.Submitted, now, null, null));
        return deal;
    }

    /// <summary>
    /// Approves and starts protection at the approval instant, not at submission: a slow decision must not eat into
    /// the partner's window (the response-time target keeps decisions quick; first-wins still compares submissions).
    /// </summary>
    public Result Approve(string decidedBy, DealRegistrationSettings settings, DateTimeOffset now, string? reason = null)
    {
        if (Guard(now) is { } error) return error;
        if (Status != DealStatus.Submitted) return DealErrors.NotSubmitted(Id, Status);
        if (string.IsNullOrWhiteSpace(decidedBy)) return DealErrors.Required("decidedBy");
        ProtectedUntil = now.AddDays(settings.ProtectionDays);
        Decide(decidedBy, reason, now);
        Move(DealStatus.Approved, now, decidedBy, reason);
        return Result.Success;
    }

    public Result Reject(string decidedBy, string reason, DateTimeOffset now)
    {
        if (Guard(now) is { } error) return error;
        if (Status != DealStatus.Submitted) return DealErrors.NotSubmitted(Id, Status);
        if (string.IsNullOrWhiteSpace(decidedBy)) return DealErrors.Required("decidedBy");
        if (string.IsNullOrWhiteSpace(reason)) return DealErrors.Required("reason");
        Decide(decidedBy, reason, now);
        Move(DealStatus.Rejected, now, decidedBy, reason);
        return Result.Success;
    }

    public Result MarkWon(DateTimeOffset now, string? by = null, string? reason = null) => Close(DealStatus.Won, now, by, reason);

    public Result MarkLost(DateTimeOffset now, string? by = null, string? reason = null) => Close(DealStatus.Lost, now, by, reason);

    /// <summary>
    /// Ends protection once <paramref name="now"/> is past <see cref="ProtectedUntil"/>. An extension requested in time
    /// holds expiry until a manager decides it: the partner asked before the window closed and should not lose for
    /// the manager's delay.
    /// </summary>
    public Result Expire(DateTimeOffset now)
    {
        if (Guard(now) is { } error) return error;
        if (Status != DealStatus.Approved) return DealErrors.NotApproved(Id, Status);
        if (now <= ProtectedUntil) return DealErrors.StillProtected(Id, ProtectedUntil!.Value);
        if (PendingExtension is not null) return DealErrors.ExtensionPending(Id);
        Move(DealStatus.Expired, now, null, string.Create(CultureInfo.InvariantCulture, $"Protection ended at {ProtectedUntil:O} without a win or loss."));
        return Result.Success;
    }

    public Result RequestExtension(string reason, DealRegistrationSettings settings, DateTimeOffset now)
    {
        if (Guard(now) is { } error) return error;
        if (Status != DealStatus.Approved) return DealErrors.NotApproved(Id, Status);
        if (now > ProtectedUntil) return DealErrors.Expired(Id, ProtectedUntil!.Value);
        if (string.IsNullOrWhiteSpace(reason)) return DealErrors.Required("reason");
        if (PendingExtension is not null) return DealErrors.ExtensionPending(Id);
        if (ExtensionsGranted >= settings.MaxExtensions) return DealErrors.ExtensionLimitReached(Id, settings.MaxExtensions);
        _extensions.Add(new ExtensionRequest(now, reason.Trim()));
        ExtensionPendingSince = now;
        Touch(now);
        return Result.Success;
    }

    /// <summary>Grants the pending request: protection runs on from the old end, so a late decision loses the partner nothing.</summary>
    public Result GrantExtension(string decidedBy, DealRegistrationSettings settings, DateTimeOffset now, string? reason = null)
    {
        if (DecideExtension(decidedBy, now) is { } error) return error;
        if (ExtensionsGranted >= settings.MaxExtensions) return DealErrors.ExtensionLimitReached(Id, settings.MaxExtensions);
        _extensions[^1] = _extensions[^1] with { Granted = true, DecidedAt = now, DecidedBy = decidedBy, DecisionReason = reason };
        ProtectedUntil = ProtectedUntil!.Value.AddDays(settings.ExtensionDays);
        ExtensionPendingSince = null;
        Touch(now);
        return Result.Success;
    }

    public Result DenyExtension(string decidedBy, string reason, DateTimeOffset now)
    {
        if (DecideExtension(decidedBy, now) is { } error) return error;
        if (string.IsNullOrWhiteSpace(reason)) return DealErrors.Required("reason");
        _extensions[^1] = _extensions[^1] with { Granted = false, DecidedAt = now, DecidedBy = decidedBy, DecisionReason = reason };
        ExtensionPendingSince = null;
        Touch(now);
        return Result.Success;
    }

    /// <summary>When a manager should have decided this submission by.</summary>
    public DateTimeOffset DecisionDueAt(DealRegistrationSettings settings) => SubmittedAt.AddHours(settings.ManagerResponseHours);

    /// <summary>Submitted, undecided and past the response-time target.</summary>
    public bool IsDecisionOverdue(DealRegistrationSettings settings, DateTimeOffset now) =>
        Status == DealStatus.Submitted && now > DecisionDueAt(settings);

    /// <summary>An extension request undecided past the response-time target.</summary>
    public bool IsExtensionDecisionOverdue(DealRegistrationSettings settings, DateTimeOffset now) =>
        PendingExtension is { } pending && Status == DealStatus.Approved && now > pending.RequestedAt.AddHours(settings.ManagerResponseHours);

    public bool IsProtectedAt(DateTimeOffset now) => Status == DealStatus.Approved && now <= ProtectedUntil;

    /// <summary>What an expiry sweep looks for: <see cref="Expire"/> would succeed.</summary>
    public bool IsDueToExpire(DateTimeOffset now) => Status == DealStatus.Approved && now > ProtectedUntil && PendingExtension is null;

    public IReadOnlyDictionary<string, string?> AuditSnapshot() => new Dictionary<string, string?>
    {
        ["partnerId"] = PartnerId.ToString(),
        ["externalId"] = ExternalId,
        ["customerName"] = CustomerName,
        ["customerDomain"] = CustomerHost,
        ["contact"] = $"{Contact.Name} <{Contact.Email}>",
        ["product"] = Product,
        ["estimatedValue"] = EstimatedValue.ToString(),
        ["expectedCloseOn"] = ExpectedCloseOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["notes"] = Notes,
        ["status"] = Status.Key(),
        ["protectedUntil"] = ProtectedUntil?.ToString("O", CultureInfo.InvariantCulture),
        ["extensions"] = string.Create(CultureInfo.InvariantCulture, $"{ExtensionsGranted} granted of {ExtensionsRequested} requested"),
        ["decisionReason"] = DecisionReason,
        ["decidedBy"] = DecidedBy,
    };

    private Result Close(DealStatus to, DateTimeOffset now, string? by, string? reason)
    {
        if (Guard(now) is { } error) return error;
        if (Status != DealStatus.Approved) return DealErrors.NotApproved(Id, Status);
        if (now > ProtectedUntil) return DealErrors.Expired(Id, ProtectedUntil!.Value);
        Move(to, now, by, reason);
        return Result.Success;
    }

    private Error? DecideExtension(string decidedBy, DateTimeOffset now)
    {
        if (Guard(now) is { } error) return error;
        if (Status != DealStatus.Approved) return DealErrors.NotApproved(Id, Status);
        if (PendingExtension is null) return DealErrors.NoPendingExtension(Id);
        if (string.IsNullOrWhiteSpace(decidedBy)) return DealErrors.Required("decidedBy");
        return null;
    }

    // History is append-only and ordered: a change stamped before the last one is a caller's bug, not a new fact.
    private Error? Guard(DateTimeOffset now) => now < UpdatedAt ? DealErrors.BeforeLastChange(Id, now, UpdatedAt) : null;

    private void Decide(string decidedBy, string? reason, DateTimeOffset now) =>
        (DecidedBy, DecisionReason, DecidedAt) = (decidedBy.Trim(), string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(), now);

    private void Move(DealStatus to, DateTimeOffset now, string? by, string? reason)
    {
        _history.Add(new StatusChange(Status, to, now, by, reason));
        Status = to;
        Touch(now);
    }

    private void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version++;
    }
}
