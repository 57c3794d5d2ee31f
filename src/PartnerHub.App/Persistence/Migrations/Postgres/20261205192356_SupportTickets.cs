using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace PartnerHub.App.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SupportTickets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "support_tickets",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    partner_id = table.Column<Guid>(type: "uuid", nullable: false),
                    subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    level = table.Column<int>(type: "integer", nullable: false),
                    channel = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    tier = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    tier_max_level = table.Column<int>(type: "integer", nullable: false),
                    program_version = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    opened_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    opened_by = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    first_response_target_centihours = table.Column<long>(type: "bigint", nullable: true),
                    resolution_target_centihours = table.Column<long>(type: "bigint", nullable: true),
                    first_response_due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    resolution_due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    first_response_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    closed_by = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    escalations = table.Column<int>(type: "integer", nullable: false),
                    rating = table.Column<int>(type: "integer", nullable: true),
                    rating_comment = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    rated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_support_tickets", x => x.id);
                    table.ForeignKey(
                        name: "fk_support_tickets_partners_partner_id",
                        column: x => x.partner_id,
                        principalTable: "partners",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "support_ticket_messages",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ticket_id = table.Column<Guid>(type: "uuid", nullable: false),
                    partner_id = table.Column<Guid>(type: "uuid", nullable: false),
                    from_vendor = table.Column<bool>(type: "boolean", nullable: false),
                    author = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_support_ticket_messages", x => x.id);
                    table.ForeignKey(
                        name: "fk_support_ticket_messages_support_tickets_ticket_id",
                        column: x => x.ticket_id,
                        principalTable: "support_tickets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "support_ticket_notes",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ticket_id = table.Column<Guid>(type: "uuid", nullable: false),
                    author = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_support_ticket_notes", x => x.id);
                    table.ForeignKey(
                        name: "fk_support_ticket_notes_support_tickets_ticket_id",
                        column: x => x.ticket_id,
                        principalTable: "support_tickets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_support_ticket_messages_partner_id",
                table: "support_ticket_messages",
                column: "partner_id");

            migrationBuilder.CreateIndex(
                name: "ix_support_ticket_messages_ticket_id_id",
                table: "support_ticket_messages",
                columns: new[] { "ticket_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_support_ticket_notes_ticket_id",
                table: "support_ticket_notes",
                column: "ticket_id");

            migrationBuilder.CreateIndex(
                name: "ix_support_tickets_partner_id_opened_at",
                table: "support_tickets",
                columns: new[] { "partner_id", "opened_at" });

            migrationBuilder.CreateIndex(
                name: "ix_support_tickets_status_opened_at",
                table: "support_tickets",
                columns: new[] { "status", "opened_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "support_ticket_messages");

            migrationBuilder.DropTable(
                name: "support_ticket_notes");

            migrationBuilder.DropTable(
                name: "support_tickets");
        }
    }
}
