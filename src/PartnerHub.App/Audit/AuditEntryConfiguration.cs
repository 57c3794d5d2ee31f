using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PartnerHub.App.Persistence;

namespace PartnerHub.App.Audit;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> audit)
    {
        audit.ToTable("audit_entries");
        audit.HasKey(a => a.Id);
        audit.Property(a => a.Actor).HasMaxLength(254);
        audit.Property(a => a.Operation).HasMaxLength(100);
        audit.Property(a => a.CorrelationId).HasMaxLength(64);
        audit.Property(a => a.Entity).HasMaxLength(50);
        audit.Property(a => a.EntityId).HasMaxLength(64);
        audit.Property(a => a.Action).HasMaxLength(50);
        audit.Property(a => a.Changes).HasJsonConversion();
        audit.HasIndex(a => new { a.Entity, a.EntityId, a.At });
        audit.HasIndex(a => a.CorrelationId);
    }
}
