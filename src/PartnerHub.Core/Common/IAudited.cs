namespace PartnerHub.Core.Common;

/// <summary>
/// An entity whose every change is recorded in the audit trail. The snapshot is a flat field → text map; the
/// persistence layer compares the snapshot before and after a save, so no write path can forget to audit.
/// </summary>
public interface IAudited
{
    string AuditEntity { get; }

    string AuditId { get; }

    IReadOnlyDictionary<string, string?> AuditSnapshot();
}
