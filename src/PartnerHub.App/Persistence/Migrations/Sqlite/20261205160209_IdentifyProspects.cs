using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PartnerHub.App.Persistence.Migrations.Sqlite
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
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    partner_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    criteria = table.Column<string>(type: "TEXT", nullable: false),
                    fit_score = table.Column<int>(type: "INTEGER", nullable: false),
                    threshold = table.Column<int>(type: "INTEGER", nullable: false),
                    passes = table.Column<bool>(type: "INTEGER", nullable: false),
                    revenue_potential = table.Column<int>(type: "INTEGER", nullable: false),
                    category = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    program_version = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    explanation = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    notes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    assessed_by = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    assessed_at = table.Column<long>(type: "INTEGER", nullable: false)
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
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    partner_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    channel = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    outcome = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    next_step = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    next_step_due_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    by = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    at = table.Column<long>(type: "INTEGER", nullable: false)
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
                    partner_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    source = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    fit_notes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: true),
                    updated_by = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true)
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
