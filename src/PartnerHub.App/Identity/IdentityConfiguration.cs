using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PartnerHub.App.Persistence;
using PartnerHub.Core.Partners;

namespace PartnerHub.App.Identity;

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> user)
    {
        user.Property(u => u.DisplayName).HasMaxLength(200);
        user.HasOne<Partner>().WithMany().HasForeignKey(u => u.PartnerId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> key)
    {
        key.ToTable("api_keys");
        key.HasKey(k => k.Id);
        key.Property(k => k.Name).HasMaxLength(100);
        key.Property(k => k.Hint).HasMaxLength(12);
        key.Property(k => k.Hash).HasMaxLength(64);
        key.Property(k => k.CreatedBy).HasMaxLength(254);
        key.Property(k => k.Scopes).HasJsonConversion();
        key.Ignore(k => k.IsRevoked);
        key.HasIndex(k => k.Hash).IsUnique();
    }
}

internal sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> invitation)
    {
        invitation.ToTable("invitations");
        invitation.HasKey(i => i.Id);
        invitation.Property(i => i.Email).HasMaxLength(254);
        invitation.Property(i => i.Role).HasMaxLength(40);
        invitation.Property(i => i.TokenHash).HasMaxLength(64);
        invitation.Property(i => i.InvitedBy).HasMaxLength(254);
        invitation.HasIndex(i => i.TokenHash).IsUnique();
        invitation.HasOne<Partner>().WithMany().HasForeignKey(i => i.PartnerId).OnDelete(DeleteBehavior.Restrict);
    }
}
