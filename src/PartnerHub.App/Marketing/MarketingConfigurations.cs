using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PartnerHub.Core.Marketing;
using PartnerHub.Core.Partners;

namespace PartnerHub.App.Marketing;

internal sealed class CollateralItemConfiguration : IEntityTypeConfiguration<CollateralItem>
{
    public void Configure(EntityTypeBuilder<CollateralItem> item)
    {
        item.ToTable("collateral_items");
        item.HasKey(i => i.Id);
        item.Property(i => i.Title).HasMaxLength(CollateralItem.MaxTitle);
        item.Property(i => i.Kind).HasMaxLength(100);
        item.Property(i => i.Category).HasMaxLength(100);
        item.Property(i => i.MinTier).HasMaxLength(100);
        item.Property(i => i.Tags).HasMaxLength(500);
        item.Property(i => i.Description).HasMaxLength(CollateralItem.MaxDescription);
        item.Property(i => i.CreatedBy).HasMaxLength(254);
        item.Ignore(i => i.TagList);
    }
}

internal sealed class CollateralVersionConfiguration : IEntityTypeConfiguration<CollateralVersion>
{
    public void Configure(EntityTypeBuilder<CollateralVersion> version)
    {
        version.ToTable("collateral_versions");
        version.HasKey(v => v.Id);
        version.HasOne<CollateralItem>().WithMany().HasForeignKey(v => v.ItemId).OnDelete(DeleteBehavior.Restrict);
        version.Property(v => v.FileName).HasMaxLength(UploadRules.MaxFileName);
        version.Property(v => v.ContentType).HasMaxLength(100);
        version.Property(v => v.Sha256).HasMaxLength(64);
        version.Property(v => v.Note).HasMaxLength(1000);
        version.Property(v => v.UploadedBy).HasMaxLength(254);
        version.HasIndex(v => new { v.ItemId, v.Number }).IsUnique();
    }
}

internal sealed class CollateralDownloadConfiguration : IEntityTypeConfiguration<CollateralDownload>
{
    public void Configure(EntityTypeBuilder<CollateralDownload> download)
    {
        download.ToTable("collateral_downloads");
        download.HasKey(d => d.Id);
        download.HasOne<Partner>().WithMany().HasForeignKey(d => d.PartnerId).OnDelete(DeleteBehavior.Restrict);
        download.HasOne<CollateralItem>().WithMany().HasForeignKey(d => d.ItemId).OnDelete(DeleteBehavior.Restrict);
        download.Property(d => d.DownloadedBy).HasMaxLength(254);
        download.HasIndex(d => new { d.ItemId, d.PartnerId });
        download.HasIndex(d => d.PartnerId);
    }
}

internal sealed class MdfBudgetConfiguration : IEntityTypeConfiguration<MdfBudgetRecord>
{
    public void Configure(EntityTypeBuilder<MdfBudgetRecord> budget)
    {
        budget.ToTable("mdf_budgets");
        budget.HasKey(b => b.Id);
        budget.HasOne<Partner>().WithMany().HasForeignKey(b => b.PartnerId).OnDelete(DeleteBehavior.Restrict);
        budget.Property(b => b.Period).HasMaxLength(10);
        budget.Property(b => b.Tier).HasMaxLength(100);
        budget.Property(b => b.Explanation).HasMaxLength(1000);
        budget.Property(b => b.ProgramVersion).HasMaxLength(40);
        budget.Property(b => b.Version).IsConcurrencyToken();
        budget.Ignore(b => b.Amount);
        budget.HasIndex(b => new { b.PartnerId, b.Period }).IsUnique();
    }
}

internal sealed class MdfActivityConfiguration : IEntityTypeConfiguration<MdfActivity>
{
    public void Configure(EntityTypeBuilder<MdfActivity> activity)
    {
        activity.ToTable("mdf_activities");
        activity.HasKey(a => a.Id);
        activity.HasOne<Partner>().WithMany().HasForeignKey(a => a.PartnerId).OnDelete(DeleteBehavior.Restrict);
        activity.HasOne<MdfBudgetRecord>().WithMany().HasForeignKey(a => a.BudgetId).OnDelete(DeleteBehavior.Restrict);
        activity.Property(a => a.Period).HasMaxLength(10);
        activity.Property(a => a.Kind).HasMaxLength(100);
        activity.Property(a => a.Title).HasMaxLength(MdfActivity.MaxTitle);
        activity.Property(a => a.Proposal).HasMaxLength(MdfActivity.MaxText);
        activity.Property(a => a.RequestedBy).HasMaxLength(254);
        activity.Property(a => a.DecidedBy).HasMaxLength(254);
        activity.Property(a => a.DecisionNote).HasMaxLength(MdfActivity.MaxNote);
        activity.Property(a => a.ClaimNote).HasMaxLength(MdfActivity.MaxNote);
        activity.Property(a => a.ClaimedBy).HasMaxLength(254);
        activity.Property(a => a.ClaimDecidedBy).HasMaxLength(254);
        activity.Property(a => a.ClaimDecisionNote).HasMaxLength(MdfActivity.MaxNote);
        activity.Property(a => a.Version).IsConcurrencyToken();
        activity.Ignore(a => a.Asked);
        activity.Ignore(a => a.Approved);
        activity.Ignore(a => a.Paid);
        activity.Ignore(a => a.State);
        activity.HasIndex(a => new { a.PartnerId, a.Period });
        activity.HasIndex(a => a.Status);
    }
}

internal sealed class MdfProofConfiguration : IEntityTypeConfiguration<MdfProof>
{
    public void Configure(EntityTypeBuilder<MdfProof> proof)
    {
        proof.ToTable("mdf_proofs");
        proof.HasKey(p => p.Id);
        proof.HasOne<Partner>().WithMany().HasForeignKey(p => p.PartnerId).OnDelete(DeleteBehavior.Restrict);
        proof.HasOne<MdfActivity>().WithMany().HasForeignKey(p => p.ActivityId).OnDelete(DeleteBehavior.Restrict);
        proof.Property(p => p.FileName).HasMaxLength(UploadRules.MaxFileName);
        proof.Property(p => p.ContentType).HasMaxLength(100);
        proof.Property(p => p.Sha256).HasMaxLength(64);
        proof.Property(p => p.UploadedBy).HasMaxLength(254);
        proof.HasIndex(p => p.ActivityId);
        proof.HasIndex(p => p.PartnerId);
    }
}
