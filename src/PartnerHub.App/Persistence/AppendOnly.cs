using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PartnerHub.App.Persistence;

/// <summary>
/// Tables whose rows are written once and never changed: ledger_transactions, ledger_entries, statements,
/// statement_lines, audit_entries and program_versions. The database itself refuses UPDATE and DELETE on them (and
/// TRUNCATE on PostgreSQL), whatever the client: SQLite by BEFORE triggers that RAISE(ABORT), PostgreSQL by row and
/// statement triggers calling refuse_append_only_change(). The triggers are created by raw SQL in the migrations
/// (DealsAndLedger, ProgramVersionsAppendOnly), one script per provider. On SQLite, a later migration that rebuilds one of these tables (SQLite's way to alter a
/// column) drops its triggers with the old table, so such a migration must create them again.
/// </summary>
internal static class AppendOnly
{
    /// <summary>Tells EF Core the table has triggers, so it never relies on RETURNING from it.</summary>
    public static void Declare(TableBuilder table, string name)
    {
        table.HasTrigger($"{name}_no_update");
        table.HasTrigger($"{name}_no_delete");
    }
}
