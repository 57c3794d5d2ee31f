using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PartnerHub.App.Deals;

internal sealed class CustomerConfiguration : IEntityTypeConfiguration<Customer>
{
    public void Configure(EntityTypeBuilder<Customer> customer)
    {
        customer.ToTable("customers");
        customer.HasKey(c => c.Reference);
        customer.Property(c => c.Reference).HasMaxLength(100);
        customer.Property(c => c.Name).HasMaxLength(200);
        customer.Property(c => c.Domain).HasMaxLength(253);
        customer.Property(c => c.RegistrableDomain).HasMaxLength(253);
        customer.Property(c => c.NameKey).HasMaxLength(200);
        customer.Property(c => c.NameSkeleton).HasMaxLength(200);

        // The conflict check's exact lookups, and its catch-up on what changed since it last looked.
        customer.HasIndex(c => c.RegistrableDomain);
        customer.HasIndex(c => c.NameKey);
        customer.HasIndex(c => c.NameSkeleton);
        customer.HasIndex(c => c.UpdatedAt);
    }
}
