using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PartnerHub.App.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class FactTables : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "certification_awards",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    partner_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    level = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    awarded_on = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_certification_awards", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "commitments",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    partner_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    starts_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ends_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    description = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_commitments", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "company_revenue_months",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    month = table.Column<int>(type: "INTEGER", nullable: false),
                    revenue_minor = table.Column<long>(type: "INTEGER", nullable: false),
                    currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_company_revenue_months", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "deal_facts",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    external_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    partner_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    registered_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    closed_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    outcome = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    amount_minor = table.Column<long>(type: "INTEGER", nullable: false),
                    currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    deal_registration_id = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_deal_facts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "engagement_events",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    partner_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    occurred_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_engagement_events", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "exam_attempts",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    partner_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    exam = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    taken_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    score = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_exam_attempts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "facts_version",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false),
                    generation = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_facts_version", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "manager_ratings",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    partner_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    criterion = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    rated_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    score = table.Column<int>(type: "INTEGER", nullable: false),
                    rated_by = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_manager_ratings", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "partner_costs",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    external_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    partner_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    incurred_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    amount_minor = table.Column<long>(type: "INTEGER", nullable: false),
                    currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    category = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    description = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_partner_costs", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "revenue_events",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    external_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    partner_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    occurred_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    amount_minor = table.Column<long>(type: "INTEGER", nullable: false),
                    currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    customer_ref = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    deal_registration_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    source = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    received_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_revenue_events", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "survey_responses",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    external_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    partner_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    answered_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    score = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_survey_responses", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "training_completions",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    partner_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    track = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    completed_on = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_training_completions", x => x.id);
                });

            migrationBuilder.InsertData(
                table: "facts_version",
                columns: new[] { "id", "generation" },
                values: new object[] { 1, 0L });

            migrationBuilder.CreateIndex(
                name: "ix_certification_awards_partner_id_level_awarded_on",
                table: "certification_awards",
                columns: new[] { "partner_id", "level", "awarded_on" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_commitments_partner_id_starts_on",
                table: "commitments",
                columns: new[] { "partner_id", "starts_on" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_company_revenue_months_year_month",
                table: "company_revenue_months",
                columns: new[] { "year", "month" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_deal_facts_deal_registration_id",
                table: "deal_facts",
                column: "deal_registration_id",
                unique: true,
                filter: "deal_registration_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_deal_facts_external_id",
                table: "deal_facts",
                column: "external_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_deal_facts_partner_id_registered_on",
                table: "deal_facts",
                columns: new[] { "partner_id", "registered_on" });

            migrationBuilder.CreateIndex(
                name: "ix_engagement_events_partner_id_kind_occurred_on",
                table: "engagement_events",
                columns: new[] { "partner_id", "kind", "occurred_on" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_exam_attempts_partner_id_exam_taken_on",
                table: "exam_attempts",
                columns: new[] { "partner_id", "exam", "taken_on" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_manager_ratings_partner_id_criterion_rated_on",
                table: "manager_ratings",
                columns: new[] { "partner_id", "criterion", "rated_on" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_partner_costs_external_id",
                table: "partner_costs",
                column: "external_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_partner_costs_partner_id_incurred_on",
                table: "partner_costs",
                columns: new[] { "partner_id", "incurred_on" });

            migrationBuilder.CreateIndex(
                name: "ix_revenue_events_deal_registration_id",
                table: "revenue_events",
                column: "deal_registration_id",
                filter: "deal_registration_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_revenue_events_external_id",
                table: "revenue_events",
                column: "external_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_revenue_events_partner_id_occurred_on",
                table: "revenue_events",
                columns: new[] { "partner_id", "occurred_on" });

            migrationBuilder.CreateIndex(
                name: "ix_revenue_events_unattributed",
                table: "revenue_events",
                column: "received_at",
                filter: "partner_id IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_survey_responses_external_id",
                table: "survey_responses",
                column: "external_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_survey_responses_partner_id_answered_on",
                table: "survey_responses",
                columns: new[] { "partner_id", "answered_on" });

            migrationBuilder.CreateIndex(
                name: "ix_training_completions_partner_id_track_completed_on",
                table: "training_completions",
                columns: new[] { "partner_id", "track", "completed_on" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "certification_awards");

            migrationBuilder.DropTable(
                name: "commitments");

            migrationBuilder.DropTable(
                name: "company_revenue_months");

            migrationBuilder.DropTable(
                name: "deal_facts");

            migrationBuilder.DropTable(
                name: "engagement_events");

            migrationBuilder.DropTable(
                name: "exam_attempts");

            migrationBuilder.DropTable(
                name: "facts_version");

            migrationBuilder.DropTable(
                name: "manager_ratings");

            migrationBuilder.DropTable(
                name: "partner_costs");

            migrationBuilder.DropTable(
                name: "revenue_events");

            migrationBuilder.DropTable(
                name: "survey_responses");

            migrationBuilder.DropTable(
                name: "training_completions");
        }
    }
}
