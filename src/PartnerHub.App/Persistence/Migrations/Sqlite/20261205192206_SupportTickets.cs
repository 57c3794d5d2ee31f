using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PartnerHub.App.Persistence.Migrations.Sqlite
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
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    partner_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    subject = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    level = table.Column<int>(type: "INTEGER", nullable: false),
                    channel = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    tier = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    tier_max_level = table.Column<int>(type: "INTEGER", nullable: false),
                    program_version = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    opened_at = table.Column<long>(type: "INTEGER", nullable: false),
                    opened_by = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    first_response_target_centihours = table.Column<long>(type: "INTEGER", nullable: true),
                    resolution_target_centihours = table.Column<long>(type: "INTEGER", nullable: true),
                    first_response_due_at = table.Column<long>(type: "INTEGER", nullable: true),
                    resolution_due_at = table.Column<long>(type: "INTEGER", nullable: true),
                    first_response_at = table.Column<long>(type: "INTEGER", nullable: true),
                    closed_at = table.Column<long>(type: "INTEGER", nullable: true),
                    closed_by = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    escalations = table.Column<int>(type: "INTEGER", nullable: false),
                    rating = table.Column<int>(type: "INTEGER", nullable: true),
                    rating_comment = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    rated_at = table.Column<long>(type: "INTEGER", nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
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
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ticket_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    partner_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    from_vendor = table.Column<bool>(type: "INTEGER", nullable: false),
                    author = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    at = table.Column<long>(type: "INTEGER", nullable: false)
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
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ticket_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    author = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    at = table.Column<long>(type: "INTEGER", nullable: false)
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
