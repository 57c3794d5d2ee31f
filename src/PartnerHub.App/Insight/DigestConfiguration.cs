using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PartnerHub.App.Insight;

internal sealed class DigestDeliveryConfiguration : IEntityTypeConfiguration<DigestDelivery>
{
    public void Configure(EntityTypeBuilder<DigestDelivery> d)
    {
        d.ToTable("digest_deliveries");
        d.HasKey(x => x.Id);
        d.Property(x => x.Period).HasMaxLength(20);
        d.Property(x => x.Recipient).HasMaxLength(256);
        d.HasIndex(x => new { x.Kind, x.Period, x.Recipient }).IsUnique();
    }
}
