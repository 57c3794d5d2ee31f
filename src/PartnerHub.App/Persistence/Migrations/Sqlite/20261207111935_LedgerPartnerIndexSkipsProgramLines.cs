using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PartnerHub.App.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LedgerPartnerIndexSkipsProgramLines : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_ledger_entries_partner_id_currency_occurred_on",
                table: "ledger_entries");

            migrationBuilder.CreateIndex(
                name: "ix_ledger_entries_partner_id_currency_occurred_on",
                table: "ledger_entries",
                columns: new[] { "partner_id", "currency", "occurred_on" },
                filter: "partner_id IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_ledger_entries_partner_id_currency_occurred_on",
                table: "ledger_entries");

            migrationBuilder.CreateIndex(
                name: "ix_ledger_entries_partner_id_currency_occurred_on",
                table: "ledger_entries",
                columns: new[] { "partner_id", "currency", "occurred_on" });
        }
    }
}
