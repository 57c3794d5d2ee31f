using PartnerHub.Core.Partners;

namespace PartnerHub.App.Identity;

/// <summary>
/// Who is acting in this scope (a request, a CLI command, a background job): named in the audit trail, and the
/// source of the partner scope that the database applies to every query of partner-owned data.
/// </summary>
public sealed class Actor
{
    /// <summary>The audit name: a user's email, "cli" or "system".</summary>
    public string Name { get; private set; } = "system";

    public Guid? UserId { get; private set; }

    /// <summary>Set for partner users: every read and write is confined to this one partner organization.</summary>
    public PartnerId? PartnerScope { get; private set; }

    public string CorrelationId { get; private set; } = Guid.CreateVersion7().ToString("N");

    /// <summary>What is being done, for the audit trail ("api", "ui", "import", "demo"...).</summary>
    public string Operation { get; set; } = "system";

    public IReadOnlyList<string> Roles { get; private set; } = [];

    public bool IsInRole(string role) => Roles.Contains(role);

    public void ActAsUser(Guid userId, string email, PartnerId? partnerScope, string operation, IReadOnlyList<string>? roles = null)
    {
        (UserId, Name, PartnerScope, Operation, Roles) = (userId, email, partnerScope, operation, roles ?? []);
    }

    /// <summary>Acts as a named non-person ("cli", "system", an API key) with vendor-wide reach.</summary>
    public void ActAs(string name, string operation)
    {
        (UserId, Name, PartnerScope, Operation, Roles) = (null, name, null, operation, []);
    }

    /// <summary>Acts as <paramref name="other"/> does (a writer recording several requests' work in one scope).</summary>
    public void ActLike(Actor other)
    {
        (UserId, Name, PartnerScope, Operation, Roles, CorrelationId) = (other.UserId, other.Name, other.PartnerScope, other.Operation, other.Roles, other.CorrelationId);
    }

    public void UseCorrelationId(string correlationId) => CorrelationId = correlationId;
}
