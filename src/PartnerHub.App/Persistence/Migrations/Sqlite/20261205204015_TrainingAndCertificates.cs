using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PartnerHub.App.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TrainingAndCertificates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "source",
                table: "training_completions",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "import");

            migrationBuilder.AddColumn<string>(
                name: "source",
                table: "exam_attempts",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "import");

            migrationBuilder.AddColumn<string>(
                name: "source",
                table: "certification_awards",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "import");

            migrationBuilder.CreateTable(
                name: "certificates",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    partner_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    level = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    eligible_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    awarded_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    expires_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    award_id = table.Column<long>(type: "INTEGER", nullable: true),
                    program_version = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    explanation = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    confirmed_by = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_certificates", x => x.id);
                    table.ForeignKey(
                        name: "fk_certificates_partners_partner_id",
                        column: x => x.partner_id,
                        principalTable: "partners",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "exam_sittings",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    partner_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    exam = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    attempt = table.Column<int>(type: "INTEGER", nullable: false),
                    submitted_at = table.Column<long>(type: "INTEGER", nullable: false),
                    submitted_by = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    program_version = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    correct = table.Column<int>(type: "INTEGER", nullable: false),
                    asked = table.Column<int>(type: "INTEGER", nullable: false),
                    score = table.Column<int>(type: "INTEGER", nullable: false),
                    pass_mark = table.Column<int>(type: "INTEGER", nullable: false),
                    passed = table.Column<bool>(type: "INTEGER", nullable: false),
                    answers = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_exam_sittings", x => x.id);
                    table.ForeignKey(
                        name: "fk_exam_sittings_partners_partner_id",
                        column: x => x.partner_id,
                        principalTable: "partners",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "training_sessions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    track = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    delivery = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    starts_at = table.Column<long>(type: "INTEGER", nullable: false),
                    capacity = table.Column<int>(type: "INTEGER", nullable: false),
                    taken = table.Column<int>(type: "INTEGER", nullable: false),
                    scheduled_by = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    scheduled_at = table.Column<long>(type: "INTEGER", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_training_sessions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "training_enrolments",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    partner_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    track = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    session_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    enrolled_at = table.Column<long>(type: "INTEGER", nullable: false),
                    enrolled_by = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    attended_at = table.Column<long>(type: "INTEGER", nullable: true),
                    attendance_by = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    completed_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_training_enrolments", x => x.id);
                    table.ForeignKey(
                        name: "fk_training_enrolments_partners_partner_id",
                        column: x => x.partner_id,
                        principalTable: "partners",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_training_enrolments_training_session_session_id",
                        column: x => x.session_id,
                        principalTable: "training_sessions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "training_module_completions",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    enrolment_id = table.Column<long>(type: "INTEGER", nullable: false),
                    partner_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    module = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    completed_at = table.Column<long>(type: "INTEGER", nullable: false),
                    completed_by = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_training_module_completions", x => x.id);
                    table.ForeignKey(
                        name: "fk_training_module_completions_training_enrolments_enrolment_id",
                        column: x => x.enrolment_id,
                        principalTable: "training_enrolments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_certificates_award_id",
                table: "certificates",
                column: "award_id",
                unique: true,
                filter: "award_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_certificates_partner_id_level_status",
                table: "certificates",
                columns: new[] { "partner_id", "level", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_exam_sittings_partner_id_exam_attempt",
                table: "exam_sittings",
                columns: new[] { "partner_id", "exam", "attempt" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_training_enrolments_partner_id_track",
                table: "training_enrolments",
                columns: new[] { "partner_id", "track" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_training_enrolments_session_id",
                table: "training_enrolments",
                column: "session_id",
                filter: "session_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_training_module_completions_enrolment_id_module",
                table: "training_module_completions",
                columns: new[] { "enrolment_id", "module" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_training_module_completions_partner_id",
                table: "training_module_completions",
                column: "partner_id");

            migrationBuilder.CreateIndex(
                name: "ix_training_sessions_track_starts_at",
                table: "training_sessions",
                columns: new[] { "track", "starts_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "certificates");

            migrationBuilder.DropTable(
                name: "exam_sittings");

            migrationBuilder.DropTable(
                name: "training_module_completions");

            migrationBuilder.DropTable(
                name: "training_enrolments");

            migrationBuilder.DropTable(
                name: "training_sessions");

            migrationBuilder.DropColumn(
                name: "source",
                table: "training_completions");

            migrationBuilder.DropColumn(
                name: "source",
                table: "exam_attempts");

            migrationBuilder.DropColumn(
                name: "source",
                table: "certification_awards");
        }
    }
}
