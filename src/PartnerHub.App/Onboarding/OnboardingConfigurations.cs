using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PartnerHub.Core.Partners;

namespace PartnerHub.App.Onboarding;

internal sealed class OnboardingJourneyConfiguration : IEntityTypeConfiguration<OnboardingJourney>
{
    public void Configure(EntityTypeBuilder<OnboardingJourney> journey)
    {
        journey.ToTable("onboarding_journeys");
        journey.HasKey(j => j.Id);
        journey.HasOne<Partner>().WithMany().HasForeignKey(j => j.PartnerId).OnDelete(DeleteBehavior.Restrict);
        journey.Property(j => j.Category).HasMaxLength(100);
        journey.Property(j => j.ProgramVersion).HasMaxLength(40);
        journey.Property(j => j.StartedBy).HasMaxLength(254);
        journey.Property(j => j.Version).IsConcurrencyToken();
        journey.HasMany(j => j.Steps).WithOne().HasForeignKey(s => s.JourneyId).OnDelete(DeleteBehavior.Cascade);
        journey.Ignore(j => j.Ordered);
        journey.HasIndex(j => new { j.PartnerId, j.Id }); // the latest journey of each partner
    }
}

internal sealed class OnboardingStepConfiguration : IEntityTypeConfiguration<OnboardingStepRecord>
{
    public void Configure(EntityTypeBuilder<OnboardingStepRecord> step)
    {
        step.ToTable("onboarding_steps");
        step.HasKey(s => s.Id);
        step.Property(s => s.Key).HasMaxLength(60);
        step.Property(s => s.Title).HasMaxLength(2000);
        step.Property(s => s.Reference).HasMaxLength(60);
        step.Property(s => s.DoneBy).HasMaxLength(254);
        step.Property(s => s.Note).HasMaxLength(OnboardingStepRecord.MaxNote);
        step.Ignore(s => s.Definition);
        step.HasIndex(s => new { s.JourneyId, s.Key }).IsUnique();
        step.HasIndex(s => s.PartnerId);
    }
}

internal sealed class OnboardingDocumentConfiguration : IEntityTypeConfiguration<OnboardingDocument>
{
    public void Configure(EntityTypeBuilder<OnboardingDocument> document)
    {
        document.ToTable("onboarding_documents");
        document.HasKey(d => d.Id);
        document.HasOne<Partner>().WithMany().HasForeignKey(d => d.PartnerId).OnDelete(DeleteBehavior.Restrict);
        document.Property(d => d.StepKey).HasMaxLength(60);
        document.Property(d => d.FileName).HasMaxLength(OnboardingDocument.MaxFileName);
        document.Property(d => d.ContentType).HasMaxLength(100);
        document.Property(d => d.Sha256).HasMaxLength(64);
        document.Property(d => d.UploadedBy).HasMaxLength(254);
        document.HasIndex(d => d.PartnerId);
    }
}
