using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PartnerHub.App.Facts;

// Fact tables are narrow on purpose: long ids, amounts in minor units, business dates as DateOnly. Every partner-owned
// table has an index led by (partner_id, date) for one partner's standing; the all-partner load scans tables whole
// in primary-key ranges and needs no index. Natural keys are unique, which makes re-imports idempotent.

internal sealed class RevenueEventConfiguration : IEntityTypeConfiguration<RevenueEventRecord>
{
    public void Configure(EntityTypeBuilder<RevenueEventRecord> e)
    {
        e.ToTable("revenue_events", t =>
        {
            foreach (var trigger in RevenueEventCounts.Triggers) t.HasTrigger(trigger);
        });
        e.HasKey(x => x.Id);
        e.Property(x => x.ExternalId).HasMaxLength(200);
        e.Property(x => x.Currency).HasMaxLength(3);
        e.Property(x => x.CustomerRef).HasMaxLength(200);
        e.Property(x => x.Source).HasMaxLength(50);
        e.Property(x => x.CustomerDomain).HasMaxLength(253);
        e.Property(x => x.ReferralCode).HasMaxLength(50);
        e.Property(x => x.OriginalExternalId).HasMaxLength(200);
        e.Property(x => x.Attribution).HasMaxLength(40);
        e.Property(x => x.AttributionNote).HasMaxLength(1000);
        e.Property(x => x.AttributedBy).HasMaxLength(254);
        e.HasIndex(x => x.ExternalId).IsUnique();
        // A refund's payment, and a payment's refunds; a customer's first payment with its partner.
        e.HasIndex(x => x.OriginalExternalId).HasFilter("original_external_id IS NOT NULL");
        e.HasIndex(x => new { x.CustomerRef, x.PartnerId }).HasFilter("customer_ref IS NOT NULL");
        e.HasIndex(x => new { x.PartnerId, x.OccurredOn });
        e.HasIndex(x => x.DealRegistrationId).HasFilter("deal_registration_id IS NOT NULL");
        // Unattributed events, listed for manual attribution.
        e.HasIndex(x => x.ReceivedAt).HasDatabaseName("ix_revenue_events_unattributed").HasFilter("partner_id IS NULL");
    }
}

internal sealed class DealFactConfiguration : IEntityTypeConfiguration<DealFactRecord>
{
    public void Configure(EntityTypeBuilder<DealFactRecord> e)
    {
        e.ToTable("deal_facts");
        e.HasKey(x => x.Id);
        e.Property(x => x.ExternalId).HasMaxLength(200);
        e.Property(x => x.Currency).HasMaxLength(3);
        e.HasIndex(x => x.ExternalId).IsUnique();
        e.HasIndex(x => new { x.PartnerId, x.RegisteredOn });
        e.HasIndex(x => x.DealRegistrationId).IsUnique().HasFilter("deal_registration_id IS NOT NULL");
    }
}

internal sealed class TrainingCompletionConfiguration : IEntityTypeConfiguration<TrainingCompletionRecord>
{
    public void Configure(EntityTypeBuilder<TrainingCompletionRecord> e)
    {
        e.ToTable("training_completions");
        e.HasKey(x => x.Id);
        e.Property(x => x.Track).HasMaxLength(100);
        e.Property(x => x.Source).HasMaxLength(20).HasDefaultValue(FactSources.Import); // bulk loads leave it out
        e.HasIndex(x => new { x.PartnerId, x.Track, x.CompletedOn }).IsUnique();
    }
}

internal sealed class ExamAttemptConfiguration : IEntityTypeConfiguration<ExamAttemptRecord>
{
    public void Configure(EntityTypeBuilder<ExamAttemptRecord> e)
    {
        e.ToTable("exam_attempts");
        e.HasKey(x => x.Id);
        e.Property(x => x.Exam).HasMaxLength(100);
        e.Property(x => x.Source).HasMaxLength(20).HasDefaultValue(FactSources.Import); // bulk loads leave it out
        e.HasIndex(x => new { x.PartnerId, x.Exam, x.TakenOn }).IsUnique();
    }
}

internal sealed class CertificationAwardConfiguration : IEntityTypeConfiguration<CertificationAwardRecord>
{
    public void Configure(EntityTypeBuilder<CertificationAwardRecord> e)
    {
        e.ToTable("certification_awards");
        e.HasKey(x => x.Id);
        e.Property(x => x.Level).HasMaxLength(100);
        e.Property(x => x.Source).HasMaxLength(20).HasDefaultValue(FactSources.Import); // bulk loads leave it out
        e.HasIndex(x => new { x.PartnerId, x.Level, x.AwardedOn }).IsUnique();
    }
}

internal sealed class CommitmentConfiguration : IEntityTypeConfiguration<CommitmentRecord>
{
    public void Configure(EntityTypeBuilder<CommitmentRecord> e)
    {
        e.ToTable("commitments");
        e.HasKey(x => x.Id);
        e.Property(x => x.Description).HasMaxLength(200);
        e.HasIndex(x => new { x.PartnerId, x.StartsOn }).IsUnique();
    }
}

internal sealed class SurveyResponseConfiguration : IEntityTypeConfiguration<SurveyResponseRecord>
{
    public void Configure(EntityTypeBuilder<SurveyResponseRecord> e)
    {
        e.ToTable("survey_responses");
        e.HasKey(x => x.Id);
        e.Property(x => x.ExternalId).HasMaxLength(200);
        e.HasIndex(x => x.ExternalId).IsUnique();
        e.HasIndex(x => new { x.PartnerId, x.AnsweredOn });
    }
}

internal sealed class ManagerRatingConfiguration : IEntityTypeConfiguration<ManagerRatingRecord>
{
    public void Configure(EntityTypeBuilder<ManagerRatingRecord> e)
    {
        e.ToTable("manager_ratings");
        e.HasKey(x => x.Id);
        e.Property(x => x.Criterion).HasMaxLength(100);
        e.Property(x => x.RatedBy).HasMaxLength(254);
        e.HasIndex(x => new { x.PartnerId, x.Criterion, x.RatedOn }).IsUnique();
    }
}

internal sealed class EngagementConfiguration : IEntityTypeConfiguration<EngagementRecord>
{
    public void Configure(EntityTypeBuilder<EngagementRecord> e)
    {
        e.ToTable("engagement_events");
        e.HasKey(x => x.Id);
        e.Property(x => x.Kind).HasMaxLength(100);
        e.HasIndex(x => new { x.PartnerId, x.Kind, x.OccurredOn }).IsUnique();
    }
}

internal sealed class CostConfiguration : IEntityTypeConfiguration<CostRecord>
{
    public void Configure(EntityTypeBuilder<CostRecord> e)
    {
        e.ToTable("partner_costs");
        e.HasKey(x => x.Id);
        e.Property(x => x.ExternalId).HasMaxLength(200);
        e.Property(x => x.Currency).HasMaxLength(3);
        e.Property(x => x.Category).HasMaxLength(100);
        e.Property(x => x.Description).HasMaxLength(200);
        e.HasIndex(x => x.ExternalId).IsUnique();
        e.HasIndex(x => new { x.PartnerId, x.IncurredOn });
    }
}

internal sealed class CompanyRevenueConfiguration : IEntityTypeConfiguration<CompanyRevenueRecord>
{
    public void Configure(EntityTypeBuilder<CompanyRevenueRecord> e)
    {
        e.ToTable("company_revenue_months");
        e.HasKey(x => x.Id);
        e.Property(x => x.Currency).HasMaxLength(3);
        e.HasIndex(x => new { x.Year, x.Month }).IsUnique();
    }
}

internal sealed class FactsVersionConfiguration : IEntityTypeConfiguration<FactsVersion>
{
    public void Configure(EntityTypeBuilder<FactsVersion> e)
    {
        e.ToTable("facts_version");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).ValueGeneratedNever();
        e.HasData(new FactsVersion { Id = 1, Generation = 0 });
    }
}
