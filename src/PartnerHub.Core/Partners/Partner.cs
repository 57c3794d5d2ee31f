using System.Globalization;
using PartnerHub.Core.Common;

namespace PartnerHub.Core.Partners;

/// <summary>A partner organization: the seed's "Partner Database" row, with its lifecycle rules.</summary>
public sealed class Partner : IAudited
{
    private Partner()
    {
    }

    public PartnerId Id { get; private set; }
    public string? ExternalId { get; private set; }
    public string Name { get; private set; } = "";
    public string Domain { get; private set; } = "";
    public string Category { get; private set; } = "";
    public string Subcategory { get; private set; } = "";
    public LifecycleStage Stage { get; private set; }
    public string? Region { get; private set; }
    public string? Country { get; private set; }
    public string? Owner { get; private set; }
    public IReadOnlyList<Contact> Contacts { get; private set; } = [];
    public Agreement Agreement { get; private set; } = Agreement.None;
    public IReadOnlyList<string> Tags { get; private set; } = [];
    public string? Notes { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public DateTimeOffset? ArchivedAt { get; private set; }

    /// <summary>When the partner entered its current stage: the start of time-to-launch and of churn/termination history.</summary>
    public DateTimeOffset StageChangedAt { get; private set; }

    /// <summary>Why the last lifecycle action moved the partner (a qualification override, a churn or termination reason).</summary>
    public string? StageReason { get; private set; }

    /// <summary>Optimistic-concurrency version: a client must send the version it read, and a stale one is refused.</summary>
    public int Version { get; private set; }

    public bool IsArchived => ArchivedAt is not null;

    string IAudited.AuditEntity => "partner";

    string IAudited.AuditId => Id.ToString();

    public static Partner Create(ValidPartnerDetails details, DateTimeOffset now)
    {
        var partner = new Partner { Id = PartnerId.New(), CreatedAt = now, Version = 1 };
        partner.Apply(details, now);
        return partner;
    }

    public Result Update(ValidPartnerDetails details, int expectedVersion, DateTimeOffset now)
    {
        if (IsArchived) return PartnerErrors.Archived(Id);
        if (expectedVersion != Version) return PartnerErrors.StaleVersion(Id, expectedVersion, Version);
        // An edit or import never moves the stage: only lifecycle actions do, with their own checks and reasons.
        if (details.Stage != Stage) return PartnerErrors.StageChangedByEdit(Stage, details.Stage);
        if (SameFields(Snapshot(details, ArchivedAt), EditableSnapshot())) return Result.Success; // nothing changed: no new version
        Apply(details, now);
        Version++;
        return Result.Success;
    }

    /// <summary>
    /// A lifecycle action (qualify, start onboarding, launch, churn, terminate) moves the stage. The action checks its own
    /// preconditions; this checks the lifecycle allows the move, keeps the reason, and bumps the version so a concurrent
    /// edit is refused.
    /// </summary>
    public Result MoveTo(LifecycleStage to, string? reason, DateTimeOffset now)
    {
        if (IsArchived) return PartnerErrors.Archived(Id);
        if (to == Stage || !Lifecycle.CanMove(Stage, to)) return PartnerErrors.StageNotAllowed(Stage, to);
        (Stage, StageReason, StageChangedAt, UpdatedAt) = (to, reason, now, now);
        Version++;
        return Result.Success;
    }

    public Result Archive(int expectedVersion, DateTimeOffset now)
    {
        if (IsArchived) return PartnerErrors.Archived(Id);
        if (expectedVersion != Version) return PartnerErrors.StaleVersion(Id, expectedVersion, Version);
        ArchivedAt = now;
        UpdatedAt = now;
        Version++;
        return Result.Success;
    }

    public IReadOnlyDictionary<string, string?> AuditSnapshot()
    {
        var snapshot = EditableSnapshot();
        snapshot["stageReason"] = StageReason;
        return snapshot;
    }

    private Dictionary<string, string?> EditableSnapshot() =>
        Snapshot(new ValidPartnerDetails(ExternalId, Name, Domain, Category, Subcategory, Stage, Region, Country, Owner, Contacts, Agreement, Tags, Notes), ArchivedAt);

    /// <summary>Every field as text: what the audit trail compares, and how an update knows that nothing changed.</summary>
    private static Dictionary<string, string?> Snapshot(ValidPartnerDetails d, DateTimeOffset? archivedAt) => new()
    {
        ["externalId"] = d.ExternalId,
        ["name"] = d.Name,
        ["domain"] = d.Domain,
        ["category"] = d.Category,
        ["subcategory"] = d.Subcategory,
        ["stage"] = d.Stage.Key(),
        ["region"] = d.Region,
        ["country"] = d.Country,
        ["owner"] = d.Owner,
        ["contacts"] = d.Contacts.Count == 0 ? null : string.Join("; ", d.Contacts.Select(c => $"{c.Name} <{c.Email}>{(c.Role is null ? "" : $" {c.Role}")}{(c.Phone is null ? "" : $" {c.Phone}")}")),
        ["revenueModel"] = d.Agreement.RevenueModel,
        ["rateOverrides"] = d.Agreement.RateOverrides.Count == 0 ? null
            : string.Join("; ", d.Agreement.RateOverrides.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.RevenueModel} {r.Percent}%"))),
        ["agreementStartsOn"] = d.Agreement.StartsOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["agreementRenewsOn"] = d.Agreement.RenewsOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["tags"] = d.Tags.Count == 0 ? null : string.Join(", ", d.Tags),
        ["notes"] = d.Notes,
        ["archivedAt"] = archivedAt?.ToString("O", CultureInfo.InvariantCulture),
    };

    /// <summary>
    /// Both snapshots come from <see cref="Snapshot"/>, so they have the same fields; compared by key and text without
    /// the boxing of <c>KeyValuePair</c> equality, which made a re-import of unchanged rows spend a tenth of its time here.
    /// </summary>
    private static bool SameFields(Dictionary<string, string?> a, Dictionary<string, string?> b)
    {
        if (a.Count != b.Count) return false;
        foreach (var (field, value) in a)
            if (!b.TryGetValue(field, out var other) || !string.Equals(value, other, StringComparison.Ordinal)) return false;
        return true;
    }

    private void Apply(ValidPartnerDetails d, DateTimeOffset now)
    {
        if (d.Stage != Stage || StageChangedAt == default) (StageChangedAt, StageReason) = (now, null);
        (ExternalId, Name, Domain, Category, Subcategory, Stage) = (d.ExternalId, d.Name, d.Domain, d.Category, d.Subcategory, d.Stage);
        (Region, Country, Owner, Contacts, Agreement, Tags, Notes) = (d.Region, d.Country, d.Owner, d.Contacts, d.Agreement, d.Tags, d.Notes);
        UpdatedAt = now;
    }
}
