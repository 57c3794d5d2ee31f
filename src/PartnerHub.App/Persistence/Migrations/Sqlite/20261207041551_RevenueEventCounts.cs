using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PartnerHub.App.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RevenueEventCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "revenue_event_counts",
                columns: table => new
                {
                    partner_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    events = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_revenue_event_counts", x => x.partner_id);
                });

            // Kept by the database whoever writes the events (ADR 26): counted once here, then one row per change.
            migrationBuilder.Sql("""
                INSERT INTO revenue_event_counts (partner_id, events)
                SELECT partner_id, count(*) FROM revenue_events WHERE partner_id IS NOT NULL GROUP BY partner_id;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER revenue_events_counted_on_insert AFTER INSERT ON revenue_events WHEN new.partner_id IS NOT NULL
                BEGIN
                    INSERT INTO revenue_event_counts (partner_id, events) VALUES (new.partner_id, 1)
                        ON CONFLICT (partner_id) DO UPDATE SET events = events + 1;
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER revenue_events_counted_on_update AFTER UPDATE OF partner_id ON revenue_events WHEN old.partner_id IS NOT new.partner_id
                BEGIN
                    UPDATE revenue_event_counts SET events = events - 1 WHERE partner_id = old.partner_id;
                    INSERT INTO revenue_event_counts (partner_id, events) SELECT new.partner_id, 1 WHERE new.partner_id IS NOT NULL
                        ON CONFLICT (partner_id) DO UPDATE SET events = events + 1;
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER revenue_events_counted_on_delete AFTER DELETE ON revenue_events WHEN old.partner_id IS NOT NULL
                BEGIN
                    UPDATE revenue_event_counts SET events = events - 1 WHERE partner_id = old.partner_id;
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER revenue_events_counted_on_insert;
                DROP TRIGGER revenue_events_counted_on_update;
                DROP TRIGGER revenue_events_counted_on_delete;
                """);
            migrationBuilder.DropTable(
                name: "revenue_event_counts");
        }
    }
}
