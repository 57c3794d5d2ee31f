namespace PartnerHub.App.Identity;

/// <summary>A user as administrators and partner admins see them.</summary>
public sealed record UserView(
    Guid Id, string Email, string DisplayName, string Role, Guid? PartnerId, string? PartnerName, bool Disabled, bool TwoFactor, DateTimeOffset CreatedAt);
