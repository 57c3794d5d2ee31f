using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PartnerHub.Core.Partners;

namespace PartnerHub.App.Training;

internal sealed class TrainingSessionConfiguration : IEntityTypeConfiguration<TrainingSession>
{
    public void Configure(EntityTypeBuilder<TrainingSession> e)
    {
        e.ToTable("training_sessions");
        e.HasKey(x => x.Id);
        e.Property(x => x.Track).HasMaxLength(100);
        e.Property(x => x.Delivery).HasMaxLength(40);
        e.Property(x => x.Title).HasMaxLength(TrainingSession.MaxTitle);
        e.Property(x => x.ScheduledBy).HasMaxLength(254);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasIndex(x => new { x.Track, x.StartsAt });
    }
}

internal sealed class TrainingEnrolmentConfiguration : IEntityTypeConfiguration<TrainingEnrolment>
{
    public void Configure(EntityTypeBuilder<TrainingEnrolment> e)
    {
        e.ToTable("training_enrolments");
        e.HasKey(x => x.Id);
        e.HasOne<Partner>().WithMany().HasForeignKey(x => x.PartnerId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<TrainingSession>().WithMany().HasForeignKey(x => x.SessionId).OnDelete(DeleteBehavior.Restrict);
        e.Property(x => x.Track).HasMaxLength(100);
        e.Property(x => x.EnrolledBy).HasMaxLength(254);
        e.Property(x => x.AttendanceBy).HasMaxLength(254);
        e.HasMany(x => x.Modules).WithOne().HasForeignKey(m => m.EnrolmentId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.PartnerId, x.Track }).IsUnique();
        e.HasIndex(x => x.SessionId).HasFilter("session_id IS NOT NULL");
    }
}

internal sealed class ModuleCompletionConfiguration : IEntityTypeConfiguration<ModuleCompletion>
{
    public void Configure(EntityTypeBuilder<ModuleCompletion> e)
    {
        e.ToTable("training_module_completions");
        e.HasKey(x => x.Id);
        e.Property(x => x.Module).HasMaxLength(100);
        e.Property(x => x.CompletedBy).HasMaxLength(254);
        e.HasIndex(x => new { x.EnrolmentId, x.Module }).IsUnique();
        e.HasIndex(x => x.PartnerId);
    }
}

internal sealed class ExamSittingConfiguration : IEntityTypeConfiguration<ExamSitting>
{
    public void Configure(EntityTypeBuilder<ExamSitting> e)
    {
        e.ToTable("exam_sittings");
        e.HasKey(x => x.Id);
        e.HasOne<Partner>().WithMany().HasForeignKey(x => x.PartnerId).OnDelete(DeleteBehavior.Restrict);
        e.Property(x => x.Exam).HasMaxLength(100);
        e.Property(x => x.SubmittedBy).HasMaxLength(254);
        e.Property(x => x.ProgramVersion).HasMaxLength(40);
        e.Property(x => x.Answers).HasMaxLength(20_000);
        e.HasIndex(x => new { x.PartnerId, x.Exam, x.Attempt }).IsUnique();
    }
}

internal sealed class CertificateConfiguration : IEntityTypeConfiguration<Certificate>
{
    public void Configure(EntityTypeBuilder<Certificate> e)
    {
        e.ToTable("certificates");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).ValueGeneratedNever();
        e.HasOne<Partner>().WithMany().HasForeignKey(x => x.PartnerId).OnDelete(DeleteBehavior.Restrict);
        e.Property(x => x.Level).HasMaxLength(100);
        e.Property(x => x.ProgramVersion).HasMaxLength(40);
        e.Property(x => x.Explanation).HasMaxLength(4000);
        e.Property(x => x.ConfirmedBy).HasMaxLength(254);
        e.HasIndex(x => new { x.PartnerId, x.Level, x.Status });
        e.HasIndex(x => x.AwardId).IsUnique().HasFilter("award_id IS NOT NULL");
    }
}
