using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PartnerHub.App.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class WebhookOutboxWaitingIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_webhook_events_dispatched_at_occurred_at",
                table: "webhook_events");

            migrationBuilder.CreateIndex(
                name: "ix_webhook_events_waiting",
                table: "webhook_events",
                columns: new[] { "occurred_at", "id" },
                filter: "dispatched_at IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_webhook_events_waiting",
                table: "webhook_events");

            migrationBuilder.CreateIndex(
                name: "ix_webhook_events_dispatched_at_occurred_at",
                table: "webhook_events",
                columns: new[] { "dispatched_at", "occurred_at" });
        }
    }
}
