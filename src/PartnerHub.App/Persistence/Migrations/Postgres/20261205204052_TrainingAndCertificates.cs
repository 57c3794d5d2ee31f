using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace PartnerHub.App.Persistence.Migrations.Postgres
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
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "import");

            migrationBuilder.AddColumn<string>(
                name: "source",
                table: "exam_attempts",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "import");

            migrationBuilder.AddColumn<string>(
                name: "source",
                table: "certification_awards",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "import");

            migrationBuilder.CreateTable(
                name: "certificates",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    partner_id = table.Column<Guid>(type: "uuid", nullable: false),
                    level = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    eligible_on = table.Column<DateOnly>(type: "date", nullable: false),
                    awarded_on = table.Column<DateOnly>(type: "date", nullable: true),
                    expires_on = table.Column<DateOnly>(type: "date", nullable: true),
                    award_id = table.Column<long>(type: "bigint", nullable: true),
                    program_version = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    explanation = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    confirmed_by = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true)
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
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    partner_id = table.Column<Guid>(type: "uuid", nullable: false),
                    exam = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    attempt = table.Column<int>(type: "integer", nullable: false),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    submitted_by = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    program_version = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    correct = table.Column<int>(type: "integer", nullable: false),
                    asked = table.Column<int>(type: "integer", nullable: false),
                    score = table.Column<int>(type: "integer", nullable: false),
                    pass_mark = table.Column<int>(type: "integer", nullable: false),
                    passed = table.Column<bool>(type: "boolean", nullable: false),
                    answers = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false)
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
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    track = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    delivery = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    starts_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    capacity = table.Column<int>(type: "integer", nullable: false),
                    taken = table.Column<int>(type: "integer", nullable: false),
                    scheduled_by = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    scheduled_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_training_sessions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "training_enrolments",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    partner_id = table.Column<Guid>(type: "uuid", nullable: false),
                    track = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    session_id = table.Column<Guid>(type: "uuid", nullable: true),
                    enrolled_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    enrolled_by = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    attended_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    attendance_by = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    completed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
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
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    enrolment_id = table.Column<long>(type: "bigint", nullable: false),
                    partner_id = table.Column<Guid>(type: "uuid", nullable: false),
                    module = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    completed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    completed_by = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false)
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
