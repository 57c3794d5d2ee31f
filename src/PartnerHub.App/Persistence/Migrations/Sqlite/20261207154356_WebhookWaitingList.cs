using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PartnerHub.App.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class WebhookWaitingList : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "webhook_waiting",
                columns: table => new
                {
                    event_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    type = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    occurred_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_webhook_waiting", x => x.event_id);
                    table.ForeignKey(
                        name: "fk_webhook_waiting_webhook_events_event_id",
                        column: x => x.event_id,
                        principalTable: "webhook_events",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_webhook_waiting_occurred_at_event_id",
                table: "webhook_waiting",
                columns: new[] { "occurred_at", "event_id" });

            // What waited in the outbox before now waits on the list.
            migrationBuilder.Sql("INSERT INTO webhook_waiting (event_id, type, occurred_at) SELECT id, type, occurred_at FROM webhook_events WHERE dispatched_at IS NULL;");

            migrationBuilder.DropIndex(
                name: "ix_webhook_events_waiting",
                table: "webhook_events");

            // SQLite drops the column itself (3.35 and later): EF Core's DropColumn rebuilds the table, and a table that foreign
            // keys point at is rebuilt with PRAGMA foreign_keys = 0, outside the migration's transaction, so a crash in
            // the middle would have left a half-migrated database (EF Core warns of it on every fresh start).
            migrationBuilder.Sql("ALTER TABLE webhook_events DROP COLUMN dispatched_at;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "dispatched_at",
                table: "webhook_events",
                type: "INTEGER",
                nullable: true);

            // Events no longer waiting were fanned out; when is not kept, so they are marked as of their own instant.
            migrationBuilder.Sql("UPDATE webhook_events SET dispatched_at = occurred_at WHERE id NOT IN (SELECT event_id FROM webhook_waiting);");

            migrationBuilder.CreateIndex(
                name: "ix_webhook_events_waiting",
                table: "webhook_events",
                columns: new[] { "occurred_at", "id" },
                filter: "dispatched_at IS NULL");

            migrationBuilder.DropTable(
                name: "webhook_waiting");
        }
    }
}
