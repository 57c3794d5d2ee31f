using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace PartnerHub.App.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class IdentifyProspects : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "opportunity_assessments",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    partner_id = table.Column<Guid>(type: "uuid", nullable: false),
                    criteria = table.Column<string>(type: "text", nullable: false),
                    fit_score = table.Column<int>(type: "integer", nullable: false),
                    threshold = table.Column<int>(type: "integer", nullable: false),
                    passes = table.Column<bool>(type: "boolean", nullable: false),
                    revenue_potential = table.Column<int>(type: "integer", nullable: false),
                    category = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    program_version = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    explanation = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    notes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    assessed_by = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    assessed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_opportunity_assessments", x => x.id);
                    table.ForeignKey(
                        name: "fk_opportunity_assessments_partners_partner_id",
                        column: x => x.partner_id,
                        principalTable: "partners",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "outreach_attempts",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    partner_id = table.Column<Guid>(type: "uuid", nullable: false),
                    channel = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    outcome = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    next_step = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    next_step_due_on = table.Column<DateOnly>(type: "date", nullable: true),
                    by = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outreach_attempts", x => x.id);
                    table.ForeignKey(
                        name: "fk_outreach_attempts_partners_partner_id",
                        column: x => x.partner_id,
                        principalTable: "partners",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "prospect_profiles",
                columns: table => new
                {
                    partner_id = table.Column<Guid>(type: "uuid", nullable: false),
                    source = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    fit_notes = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    updated_by = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_prospect_profiles", x => x.partner_id);
                    table.ForeignKey(
                        name: "fk_prospect_profiles_partners_partner_id",
                        column: x => x.partner_id,
                        principalTable: "partners",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_opportunity_assessments_partner_id_id",
                table: "opportunity_assessments",
                columns: new[] { "partner_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_outreach_attempts_next_step_due_on",
                table: "outreach_attempts",
                column: "next_step_due_on");

            migrationBuilder.CreateIndex(
                name: "ix_outreach_attempts_partner_id_id",
                table: "outreach_attempts",
                columns: new[] { "partner_id", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "opportunity_assessments");

            migrationBuilder.DropTable(
                name: "outreach_attempts");

            migrationBuilder.DropTable(
                name: "prospect_profiles");
        }
    }
}
