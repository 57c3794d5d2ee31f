using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PartnerHub.App.Persistence;
using PartnerHub.Core.Deals;
using PartnerHub.Core.Partners;

namespace PartnerHub.App.Deals;

internal sealed class DealRegistrationConfiguration : IEntityTypeConfiguration<DealRegistration>
{
    /// <summary>SQL for "submitted or approved": the registrations that hold a customer (<see cref="DealStatuses.IsActive"/>).</summary>
    public const string ActiveFilter = "status IN ('Submitted', 'Approved')";

    public void Configure(EntityTypeBuilder<DealRegistration> deal)
    {
        deal.ToTable("deal_registrations");
        deal.HasKey(d => d.Id);
        deal.HasOne<Partner>().WithMany().HasForeignKey(d => d.PartnerId).OnDelete(DeleteBehavior.Restrict);
        deal.Property(d => d.ExternalId).HasMaxLength(100);
        deal.Property(d => d.CustomerName).HasMaxLength(200);
        deal.Property(d => d.CustomerNameKey).HasMaxLength(200);
        deal.Property(d => d.CustomerNameSkeleton).HasMaxLength(200);
        deal.Property(d => d.CustomerHost).HasColumnName("customer_domain").HasMaxLength(253);
        deal.Property(d => d.CustomerRegistrableDomain).HasMaxLength(253);
        deal.Property(d => d.Product).HasMaxLength(200);
        deal.Property(d => d.DecidedBy).HasMaxLength(254);
        deal.ComplexProperty(d => d.Contact, contact =>
        {
            contact.Property(c => c.Name).HasColumnName("contact_name").HasMaxLength(200);
            contact.Property(c => c.Email).HasColumnName("contact_email").HasMaxLength(254);
        });
        deal.ComplexProperty(d => d.EstimatedValue, money =>
        {
            money.Property(m => m.Minor).HasColumnName("estimated_value_minor");
            money.Property(m => m.Currency).HasColumnName("estimated_value_currency");
        });

        // History and extension requests are read and written with their registration only: one JSON column each.
        deal.Ignore(d => d.CustomerDomain);
        deal.Ignore(d => d.History);
        deal.Ignore(d => d.Extensions);
        deal.Ignore(d => d.PendingExtension);
        deal.Property<List<StatusChange>>("_history").HasColumnName("history").HasJsonListConversion();
        deal.Property<List<ExtensionRequest>>("_extensions").HasColumnName("extension_requests").HasJsonListConversion();
        deal.Property(d => d.Version).IsConcurrencyToken();

        deal.HasIndex(d => new { d.PartnerId, d.Status, d.SubmittedAt });
        deal.HasIndex(d => new { d.Status, d.SubmittedAt });
        deal.HasIndex(d => new { d.PartnerId, d.ExternalId }).IsUnique().HasFilter("external_id IS NOT NULL");

        // The conflict check's exact lookups: only registrations that hold a customer take part.
        deal.HasIndex(d => d.CustomerRegistrableDomain).HasFilter(ActiveFilter);
        deal.HasIndex(d => d.CustomerNameKey).HasFilter(ActiveFilter);
        deal.HasIndex(d => d.CustomerNameSkeleton).HasFilter(ActiveFilter);
        deal.HasIndex(d => d.UpdatedAt);

        // The expiry sweep and the overdue list.
        deal.HasIndex(d => d.ProtectedUntil).HasFilter("status = 'Approved'");
        deal.HasIndex(d => d.ExtensionPendingSince).HasFilter("extension_pending_since IS NOT NULL");
    }
}
