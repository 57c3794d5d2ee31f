using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PartnerHub.App.Persistence;
using PartnerHub.Core.Partners;

namespace PartnerHub.App.Partners;

internal sealed class PartnerConfiguration : IEntityTypeConfiguration<Partner>
{
    public void Configure(EntityTypeBuilder<Partner> partner)
    {
        partner.ToTable("partners");
        partner.HasKey(p => p.Id);
        partner.Property(p => p.Name).HasMaxLength(200);
        partner.Property(p => p.Domain).HasMaxLength(253);
        partner.Property(p => p.ExternalId).HasMaxLength(100);
        partner.Property(p => p.Category).HasMaxLength(100);
        partner.Property(p => p.Subcategory).HasMaxLength(100);
        partner.Property(p => p.Region).HasMaxLength(100);
        partner.Property(p => p.Country).HasMaxLength(2);
        partner.Property(p => p.Owner).HasMaxLength(254);
        partner.Property(p => p.StageReason).HasMaxLength(2000);
        partner.Property(p => p.Contacts).HasJsonConversion();
        partner.Property(p => p.Agreement).HasJsonConversion();
        partner.Property(p => p.Version).IsConcurrencyToken();
        partner.Ignore(p => p.IsArchived);

        // A domain identifies one live partner; archived partners give their domain back.
        partner.HasIndex(p => p.Domain).IsUnique().HasFilter("archived_at IS NULL");
        partner.HasIndex(p => p.ExternalId).IsUnique().HasFilter("external_id IS NOT NULL AND archived_at IS NULL");
        partner.HasIndex(p => new { p.Category, p.Subcategory });
        partner.HasIndex(p => p.Name);
    }
}
