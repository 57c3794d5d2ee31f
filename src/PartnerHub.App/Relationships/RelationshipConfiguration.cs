using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PartnerHub.App.Persistence;
using PartnerHub.Core.Partners;
using PartnerHub.Core.Relationships;

namespace PartnerHub.App.Relationships;

internal sealed class RelationshipGoalConfiguration : IEntityTypeConfiguration<RelationshipGoal>
{
    public void Configure(EntityTypeBuilder<RelationshipGoal> goal)
    {
        goal.ToTable("relationship_goals");
        goal.HasKey(g => g.Id);
        goal.Property(g => g.Id).HasConversion(id => id.Value, value => new GoalId(value));
        goal.HasOne<Partner>().WithMany().HasForeignKey(g => g.PartnerId).OnDelete(DeleteBehavior.Restrict);
        goal.Property(g => g.Title).HasMaxLength(200);
        goal.Property(g => g.Kpi).HasMaxLength(60);
        goal.Property(g => g.Target).HasPrecision(18, 4);
        goal.Property(g => g.Owner).HasMaxLength(200);
        goal.Property(g => g.Notes).HasMaxLength(4000);
        goal.Property(g => g.Version).IsConcurrencyToken();
        goal.HasIndex(g => new { g.PartnerId, g.Year });
    }
}

internal sealed class RelationshipActivityConfiguration : IEntityTypeConfiguration<RelationshipActivity>
{
    public void Configure(EntityTypeBuilder<RelationshipActivity> activity)
    {
        activity.ToTable("relationship_activities");
        activity.HasKey(a => a.Id);
        activity.Property(a => a.Id).HasConversion(id => id.Value, value => new ActivityId(value));
        activity.HasOne<Partner>().WithMany().HasForeignKey(a => a.PartnerId).OnDelete(DeleteBehavior.Restrict);
        activity.Property(a => a.Who).HasMaxLength(200);
        activity.Property(a => a.Participants).HasJsonConversion();
        activity.Property(a => a.Outcome).HasMaxLength(500);
        activity.Property(a => a.Notes).HasMaxLength(4000);
        activity.Property(a => a.LoggedBy).HasMaxLength(254);
        activity.HasIndex(a => a.PartnerId);
    }
}
