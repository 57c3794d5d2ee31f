using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PartnerHub.App.Persistence;

namespace PartnerHub.App.Programs;

internal sealed class ProgramVersionConfiguration : IEntityTypeConfiguration<ProgramVersion>
{
    public void Configure(EntityTypeBuilder<ProgramVersion> version)
    {
        version.ToTable("program_versions", t => AppendOnly.Declare(t, "program_versions"));
        version.HasKey(v => v.Number);
        version.Property(v => v.Number).ValueGeneratedNever();
        version.Property(v => v.Name).HasMaxLength(200);
        version.Property(v => v.Sha256).HasMaxLength(64);
        version.Property(v => v.PublishedBy).HasMaxLength(254);
        version.Ignore(v => v.Label);
        version.HasIndex(v => v.EffectiveFrom);
    }
}
