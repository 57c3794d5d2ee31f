using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PartnerHub.App.Persistence;
using PartnerHub.Core.Partners;

namespace PartnerHub.App.Prospects;

internal sealed class ProspectProfileConfiguration : IEntityTypeConfiguration<ProspectProfile>
{
    public void Configure(EntityTypeBuilder<ProspectProfile> profile)
    {
        profile.ToTable("prospect_profiles");
        profile.HasKey(p => p.PartnerId);
        profile.HasOne<Partner>().WithOne().HasForeignKey<ProspectProfile>(p => p.PartnerId).OnDelete(DeleteBehavior.Restrict);
        profile.Property(p => p.FitNotes).HasMaxLength(ProspectProfile.MaxNotes);
        profile.Property(p => p.UpdatedBy).HasMaxLength(254);
        profile.Property(p => p.Version).IsConcurrencyToken();
    }
}

internal sealed class OpportunityAssessmentConfiguration : IEntityTypeConfiguration<OpportunityAssessment>
{
    public void Configure(EntityTypeBuilder<OpportunityAssessment> assessment)
    {
        assessment.ToTable("opportunity_assessments");
        assessment.HasKey(a => a.Id);
        assessment.HasOne<Partner>().WithMany().HasForeignKey(a => a.PartnerId).OnDelete(DeleteBehavior.Restrict);
        assessment.Property(a => a.Criteria).HasJsonConversion();
        assessment.Property(a => a.Category).HasMaxLength(100);
        assessment.Property(a => a.ProgramVersion).HasMaxLength(40);
        assessment.Property(a => a.Explanation).HasMaxLength(2000);
        assessment.Property(a => a.Notes).HasMaxLength(2000);
        assessment.Property(a => a.AssessedBy).HasMaxLength(254);
        assessment.Ignore(a => a.Scores);
        assessment.HasIndex(a => new { a.PartnerId, a.Id }); // the latest assessment of each partner
    }
}

internal sealed class OutreachAttemptConfiguration : IEntityTypeConfiguration<OutreachAttempt>
{
    public void Configure(EntityTypeBuilder<OutreachAttempt> attempt)
    {
        attempt.ToTable("outreach_attempts");
        attempt.HasKey(a => a.Id);
        attempt.HasOne<Partner>().WithMany().HasForeignKey(a => a.PartnerId).OnDelete(DeleteBehavior.Restrict);
        attempt.Property(a => a.Note).HasMaxLength(2000);
        attempt.Property(a => a.NextStep).HasMaxLength(500);
        attempt.Property(a => a.By).HasMaxLength(254);
        attempt.HasIndex(a => new { a.PartnerId, a.Id }); // the latest attempt of each partner, the log in order
        attempt.HasIndex(a => a.NextStepDueOn);
    }
}
