using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PartnerHub.App.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class EnablementAndTierWatch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "collateral_items",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    category = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    min_tier = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    tags = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    current_version = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_collateral_items", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "mdf_budgets",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    partner_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    period = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    first_day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    last_day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    tier = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    amount_minor = table.Column<long>(type: "INTEGER", nullable: false),
                    currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    explanation = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    program_version = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_mdf_budgets", x => x.id);
                    table.ForeignKey(
                        name: "fk_mdf_budgets_partners_partner_id",
                        column: x => x.partner_id,
                        principalTable: "partners",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

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
                name: "tier_holdings",
                columns: table => new
                {
                    partner_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    tier = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    since = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    program_version = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    explanation = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tier_holdings", x => x.partner_id);
                });

            migrationBuilder.CreateTable(
                name: "collateral_downloads",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    partner_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    item_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    downloaded_at = table.Column<long>(type: "INTEGER", nullable: false),
                    downloaded_by = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_collateral_downloads", x => x.id);
                    table.ForeignKey(
                        name: "fk_collateral_downloads_collateral_item_item_id",
                        column: x => x.item_id,
                        principalTable: "collateral_items",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_collateral_downloads_partners_partner_id",
                        column: x => x.partner_id,
                        principalTable: "partners",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "collateral_versions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    item_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    number = table.Column<int>(type: "INTEGER", nullable: false),
                    file_name = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    content_type = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    size = table.Column<long>(type: "INTEGER", nullable: false),
                    sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    uploaded_at = table.Column<long>(type: "INTEGER", nullable: false),
                    uploaded_by = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_collateral_versions", x => x.id);
                    table.ForeignKey(
                        name: "fk_collateral_versions_collateral_items_item_id",
                        column: x => x.item_id,
                        principalTable: "collateral_items",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "mdf_activities",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    partner_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    budget_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    period = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    proposal = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    planned_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    asked_minor = table.Column<long>(type: "INTEGER", nullable: false),
                    currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    requested_at = table.Column<long>(type: "INTEGER", nullable: false),
                    requested_by = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    approved_minor = table.Column<long>(type: "INTEGER", nullable: true),
                    decided_at = table.Column<long>(type: "INTEGER", nullable: true),
                    decided_by = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    decision_note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    executed_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    claim_minor = table.Column<long>(type: "INTEGER", nullable: true),
                    claim_note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    proof_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    claimed_at = table.Column<long>(type: "INTEGER", nullable: true),
                    claimed_by = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    claim_decided_at = table.Column<long>(type: "INTEGER", nullable: true),
                    claim_decided_by = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    claim_decision_note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    paid_minor = table.Column<long>(type: "INTEGER", nullable: true),
                    ledger_transaction_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_mdf_activities", x => x.id);
                    table.ForeignKey(
                        name: "fk_mdf_activities_mdf_budget_record_budget_id",
                        column: x => x.budget_id,
                        principalTable: "mdf_budgets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_mdf_activities_partners_partner_id",
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

            migrationBuilder.CreateTable(
                name: "mdf_proofs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    partner_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    activity_id = table.Column<Guid>(type: "TEXT", nullable: false),
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
                    table.PrimaryKey("pk_mdf_proofs", x => x.id);
                    table.ForeignKey(
                        name: "fk_mdf_proofs_mdf_activities_activity_id",
                        column: x => x.activity_id,
                        principalTable: "mdf_activities",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_mdf_proofs_partners_partner_id",
                        column: x => x.partner_id,
                        principalTable: "partners",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_collateral_downloads_item_id_partner_id",
                table: "collateral_downloads",
                columns: new[] { "item_id", "partner_id" });

            migrationBuilder.CreateIndex(
                name: "ix_collateral_downloads_partner_id",
                table: "collateral_downloads",
                column: "partner_id");

            migrationBuilder.CreateIndex(
                name: "ix_collateral_versions_item_id_number",
                table: "collateral_versions",
                columns: new[] { "item_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_mdf_activities_budget_id",
                table: "mdf_activities",
                column: "budget_id");

            migrationBuilder.CreateIndex(
                name: "ix_mdf_activities_partner_id_period",
                table: "mdf_activities",
                columns: new[] { "partner_id", "period" });

            migrationBuilder.CreateIndex(
                name: "ix_mdf_activities_status",
                table: "mdf_activities",
                column: "status");

            migrationBuilder.CreateIndex(
                name: "ix_mdf_budgets_partner_id_period",
                table: "mdf_budgets",
                columns: new[] { "partner_id", "period" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_mdf_proofs_activity_id",
                table: "mdf_proofs",
                column: "activity_id");

            migrationBuilder.CreateIndex(
                name: "ix_mdf_proofs_partner_id",
                table: "mdf_proofs",
                column: "partner_id");

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
                name: "collateral_downloads");

            migrationBuilder.DropTable(
                name: "collateral_versions");

            migrationBuilder.DropTable(
                name: "mdf_proofs");

            migrationBuilder.DropTable(
                name: "support_ticket_messages");

            migrationBuilder.DropTable(
                name: "support_ticket_notes");

            migrationBuilder.DropTable(
                name: "tier_holdings");

            migrationBuilder.DropTable(
                name: "collateral_items");

            migrationBuilder.DropTable(
                name: "mdf_activities");

            migrationBuilder.DropTable(
                name: "support_tickets");

            migrationBuilder.DropTable(
                name: "mdf_budgets");
        }
    }
}
