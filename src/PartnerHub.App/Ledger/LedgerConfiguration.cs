using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PartnerHub.App.Persistence;
using PartnerHub.Core.Partners;

namespace PartnerHub.App.Ledger;

/// <summary>
/// Ledger, statement and payout tables. The append-only ones carry database triggers, created in the migration per
/// provider (see <see cref="AppendOnly"/>); they are declared here so EF Core never relies on RETURNING from them.
/// </summary>
internal sealed class LedgerTransactionConfiguration : IEntityTypeConfiguration<LedgerTransactionRecord>
{
    public void Configure(EntityTypeBuilder<LedgerTransactionRecord> tx)
    {
        tx.ToTable("ledger_transactions", t => AppendOnly.Declare(t, "ledger_transactions"));
        tx.HasKey(t => t.Id);
        tx.Property(t => t.SourceKey).HasMaxLength(200);
        tx.Property(t => t.Description).HasMaxLength(500);
        tx.Property(t => t.ExternalReference).HasMaxLength(200);

        // Idempotent posting: one transaction per source key, enforced by the database across processes.
        tx.HasIndex(t => t.SourceKey).IsUnique();
        tx.HasIndex(t => t.RelatesTo);
        tx.HasIndex(t => new { t.Kind, t.OccurredOn });
        tx.HasIndex(t => new { t.OccurredOn, t.PostedAt });
    }
}

internal sealed class LedgerEntryConfiguration : IEntityTypeConfiguration<LedgerEntryRecord>
{
    public void Configure(EntityTypeBuilder<LedgerEntryRecord> entry)
    {
        entry.ToTable("ledger_entries", t => AppendOnly.Declare(t, "ledger_entries"));
        entry.HasKey(e => new { e.TransactionId, e.LineNo });
        entry.HasOne<LedgerTransactionRecord>().WithMany().HasForeignKey(e => e.TransactionId).OnDelete(DeleteBehavior.Restrict);
        entry.HasOne<Partner>().WithMany().HasForeignKey(e => e.PartnerId).OnDelete(DeleteBehavior.Restrict);
        LedgerLineColumns.Configure(entry);

        // A partner's balance at a date: one range scan over its lines. Lines of the program's own accounts name no partner
        // and are never looked up by partner, so they stay out: every accrual's expense line was an index write for nothing.
        entry.HasIndex(e => new { e.PartnerId, e.Currency, e.OccurredOn }).HasFilter("partner_id IS NOT NULL");
        entry.HasIndex(e => new { e.Account, e.Currency, e.OccurredOn });
    }
}

internal sealed class StatementConfiguration : IEntityTypeConfiguration<StatementRecord>
{
    public void Configure(EntityTypeBuilder<StatementRecord> statement)
    {
        statement.ToTable("statements", t => AppendOnly.Declare(t, "statements"));
        statement.HasKey(s => s.Id);
        statement.HasOne<Partner>().WithMany().HasForeignKey(s => s.PartnerId).OnDelete(DeleteBehavior.Restrict);
        statement.Property(s => s.Period).HasMaxLength(7).IsFixedLength(false);
        statement.Property(s => s.IssuedBy).HasMaxLength(254);
        statement.Ignore(s => s.IsAdjusting);
        statement.Ignore(s => s.Opening);
        statement.Ignore(s => s.Closing);

        // Closing a period twice issues nothing twice: one statement per partner, period, currency and sequence.
        statement.HasIndex(s => new { s.PartnerId, s.Period, s.Currency, s.Sequence }).IsUnique();
        statement.HasIndex(s => new { s.Period, s.PartnerId });
    }
}

internal sealed class StatementLineConfiguration : IEntityTypeConfiguration<StatementLineRecord>
{
    public void Configure(EntityTypeBuilder<StatementLineRecord> line)
    {
        line.ToTable("statement_lines", t => AppendOnly.Declare(t, "statement_lines"));
        line.HasKey(l => new { l.StatementId, l.LineNo });
        line.HasOne<StatementRecord>().WithMany().HasForeignKey(l => l.StatementId).OnDelete(DeleteBehavior.Restrict);
        line.HasOne<LedgerTransactionRecord>().WithMany().HasForeignKey(l => l.TransactionId).OnDelete(DeleteBehavior.Restrict);
        line.Property(l => l.Description).HasMaxLength(500);
        LedgerLineColumns.Configure(line);
        line.HasIndex(l => new { l.PartnerId, l.TransactionId });
    }
}

internal sealed class PayoutBatchConfiguration : IEntityTypeConfiguration<PayoutBatch>
{
    public void Configure(EntityTypeBuilder<PayoutBatch> batch)
    {
        batch.ToTable("payout_batches");
        batch.HasKey(b => b.Id);
        batch.Property(b => b.CreatedBy).HasMaxLength(254);
        batch.Property(b => b.PaidBy).HasMaxLength(254);
        batch.Property(b => b.ExternalReference).HasMaxLength(200);
        batch.Property(b => b.CancelledBy).HasMaxLength(254);
        batch.Property(b => b.CancelReason).HasMaxLength(500);
        batch.Ignore(b => b.IsOpen);
        batch.Property(b => b.CarriedForward).HasJsonConversion();
        batch.Property(b => b.Version).IsConcurrencyToken();

        // At most one open batch per currency, so no payable amount is ever planned into two batches.
        batch.HasIndex(b => b.Currency).IsUnique().HasFilter("status IN ('Created', 'Exported')").HasDatabaseName("ix_payout_batches_one_open_per_currency");
        batch.HasIndex(b => b.CreatedAt);
    }
}

internal sealed class PayoutLineConfiguration : IEntityTypeConfiguration<PayoutLineRecord>
{
    public void Configure(EntityTypeBuilder<PayoutLineRecord> line)
    {
        line.ToTable("payout_lines");
        line.HasKey(l => new { l.BatchId, l.PartnerId });
        line.HasOne<PayoutBatch>().WithMany().HasForeignKey(l => l.BatchId).OnDelete(DeleteBehavior.Restrict);
        line.HasOne<Partner>().WithMany().HasForeignKey(l => l.PartnerId).OnDelete(DeleteBehavior.Restrict);
        line.Property(l => l.Explanation).HasMaxLength(500);
        line.Ignore(l => l.Amount);
        line.HasIndex(l => l.PartnerId);
    }
}

/// <summary>The shared columns of ledger and statement lines (<see cref="LedgerLine"/>).</summary>
internal static class LedgerLineColumns
{
    public static void Configure<T>(EntityTypeBuilder<T> line) where T : LedgerLine
    {
        line.Property(l => l.Explanation).HasMaxLength(2000);
        line.Property(l => l.BasisRevenueModel).HasMaxLength(100);
        line.Property(l => l.BasisPercent).HasPrecision(12, 6);
        line.Property(l => l.BasisTier).HasMaxLength(100);
        line.Property(l => l.BasisProgramVersion).HasMaxLength(100);
        line.Property(l => l.BasisExplanation).HasMaxLength(2000);
        line.Ignore(l => l.Amount);
        line.Ignore(l => l.Basis);
    }
}
