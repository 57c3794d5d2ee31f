using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PartnerHub.App.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OnboardingJourneys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "onboarding_documents",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    partner_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    step_key = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    file_name = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    content_type = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    size = table.Column<long>(type: "INTEGER", nullable: false),
                    sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    uploaded_at = table.Column<long>(type: "INTEGER", nullable: false),
                    uploaded_by = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_onboarding_documents", x => x.id);
                    table.ForeignKey(
                        name: "fk_onboarding_documents_partners_partner_id",
                        column: x => x.partner_id,
                        principalTable: "partners",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "onboarding_journeys",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    partner_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    category = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    program_version = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    started_at = table.Column<long>(type: "INTEGER", nullable: false),
                    started_by = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    launched_at = table.Column<long>(type: "INTEGER", nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_onboarding_journeys", x => x.id);
                    table.ForeignKey(
                        name: "fk_onboarding_journeys_partners_partner_id",
                        column: x => x.partner_id,
                        principalTable: "partners",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "onboarding_steps",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    journey_id = table.Column<long>(type: "INTEGER", nullable: false),
                    partner_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    position = table.Column<int>(type: "INTEGER", nullable: false),
                    key = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    owner = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    due_days = table.Column<int>(type: "INTEGER", nullable: false),
                    evidence = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    reference = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    due_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    done_at = table.Column<long>(type: "INTEGER", nullable: true),
                    done_by = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    document_id = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_onboarding_steps", x => x.id);
                    table.ForeignKey(
                        name: "fk_onboarding_steps_onboarding_journeys_journey_id",
                        column: x => x.journey_id,
                        principalTable: "onboarding_journeys",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_onboarding_documents_partner_id",
                table: "onboarding_documents",
                column: "partner_id");

            migrationBuilder.CreateIndex(
                name: "ix_onboarding_journeys_partner_id_id",
                table: "onboarding_journeys",
                columns: new[] { "partner_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_onboarding_steps_journey_id_key",
                table: "onboarding_steps",
                columns: new[] { "journey_id", "key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_onboarding_steps_partner_id",
                table: "onboarding_steps",
                column: "partner_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "onboarding_documents");

            migrationBuilder.DropTable(
                name: "onboarding_steps");

            migrationBuilder.DropTable(
                name: "onboarding_journeys");
        }
    }
}
