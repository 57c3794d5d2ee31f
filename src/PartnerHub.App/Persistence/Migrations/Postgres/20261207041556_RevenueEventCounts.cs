using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PartnerHub.App.Persistence.Migrations.Postgres
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
                    partner_id = table.Column<Guid>(type: "uuid", nullable: false),
                    events = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_revenue_event_counts", x => x.partner_id);
                });

            // Kept by the database whoever writes the events (ADR 26): counted once here, then once per statement, so
            // that a COPY of millions of rows updates each partner's row once. Rows are changed in partner order, the
            // order in which writers lock them first (RevenueEventCounts.ForWritingAsync).
            migrationBuilder.Sql("""
                INSERT INTO revenue_event_counts (partner_id, events)
                SELECT partner_id, count(*) FROM revenue_events WHERE partner_id IS NOT NULL GROUP BY partner_id;
                """);
            migrationBuilder.Sql("""
                CREATE FUNCTION count_revenue_events_added() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO revenue_event_counts AS c (partner_id, events)
                    SELECT partner_id, count(*) FROM added WHERE partner_id IS NOT NULL GROUP BY partner_id ORDER BY partner_id
                    ON CONFLICT (partner_id) DO UPDATE SET events = c.events + excluded.events;
                    RETURN NULL;
                END
                $$;
                CREATE FUNCTION count_revenue_events_moved() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO revenue_event_counts AS c (partner_id, events)
                    SELECT partner_id, sum(change) FROM (SELECT partner_id, 1 AS change FROM added UNION ALL SELECT partner_id, -1 FROM removed) moved
                    WHERE partner_id IS NOT NULL GROUP BY partner_id HAVING sum(change) <> 0 ORDER BY partner_id
                    ON CONFLICT (partner_id) DO UPDATE SET events = c.events + excluded.events;
                    RETURN NULL;
                END
                $$;
                CREATE FUNCTION count_revenue_events_removed() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    UPDATE revenue_event_counts c SET events = c.events - r.events
                    FROM (SELECT partner_id, count(*) AS events FROM removed WHERE partner_id IS NOT NULL GROUP BY partner_id ORDER BY partner_id) r
                    WHERE c.partner_id = r.partner_id;
                    RETURN NULL;
                END
                $$;
                CREATE FUNCTION forget_revenue_event_counts() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    DELETE FROM revenue_event_counts;
                    RETURN NULL;
                END
                $$;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER revenue_events_counted_on_insert AFTER INSERT ON revenue_events REFERENCING NEW TABLE AS added
                    FOR EACH STATEMENT EXECUTE FUNCTION count_revenue_events_added();
                CREATE TRIGGER revenue_events_counted_on_update AFTER UPDATE ON revenue_events REFERENCING OLD TABLE AS removed NEW TABLE AS added
                    FOR EACH STATEMENT EXECUTE FUNCTION count_revenue_events_moved();
                CREATE TRIGGER revenue_events_counted_on_delete AFTER DELETE ON revenue_events REFERENCING OLD TABLE AS removed
                    FOR EACH STATEMENT EXECUTE FUNCTION count_revenue_events_removed();
                CREATE TRIGGER revenue_events_counted_on_truncate AFTER TRUNCATE ON revenue_events
                    FOR EACH STATEMENT EXECUTE FUNCTION forget_revenue_event_counts();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER revenue_events_counted_on_insert ON revenue_events;
                DROP TRIGGER revenue_events_counted_on_update ON revenue_events;
                DROP TRIGGER revenue_events_counted_on_delete ON revenue_events;
                DROP TRIGGER revenue_events_counted_on_truncate ON revenue_events;
                DROP FUNCTION count_revenue_events_added();
                DROP FUNCTION count_revenue_events_moved();
                DROP FUNCTION count_revenue_events_removed();
                DROP FUNCTION forget_revenue_event_counts();
                """);
            migrationBuilder.DropTable(
                name: "revenue_event_counts");
        }
    }
}
