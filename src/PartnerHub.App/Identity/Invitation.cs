using System.Security.Cryptography;
using PartnerHub.Core.Partners;

namespace PartnerHub.App.Identity;

/// <summary>An invitation to join as a user of one partner organization, accepted through a link that expires.</summary>
public sealed class Invitation
{
    private Invitation()
    {
    }

    public Guid Id { get; private set; }
    public string Email { get; private set; } = "";
    public string Role { get; private set; } = "";
    public PartnerId? PartnerId { get; private set; }
    public string TokenHash { get; private set; } = "";
    public string InvitedBy { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }
    public DateTimeOffset? AcceptedAt { get; private set; }

    public static (Invitation Invitation, string Token) Create(string email, string role, PartnerId? partner, string invitedBy, DateTimeOffset now, TimeSpan validFor)
    {
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        return (new Invitation
        {
            Id = Guid.CreateVersion7(), Email = email, Role = role, PartnerId = partner, TokenHash = ApiKey.HashOf(token),
            InvitedBy = invitedBy, CreatedAt = now, ExpiresAt = now + validFor,
        }, token);
    }

    public bool IsOpen(DateTimeOffset now) => AcceptedAt is null && now <= ExpiresAt;

    public void Accept(DateTimeOffset now) => AcceptedAt = now;
}
