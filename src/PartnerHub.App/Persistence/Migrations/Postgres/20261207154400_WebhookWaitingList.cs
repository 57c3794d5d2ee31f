using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PartnerHub.App.Persistence.Migrations.Postgres
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
                    event_id = table.Column<Guid>(type: "uuid", nullable: false),
                    type = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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

            migrationBuilder.DropColumn(
                name: "dispatched_at",
                table: "webhook_events");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "dispatched_at",
                table: "webhook_events",
                type: "timestamp with time zone",
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
