using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace PartnerHub.App.Persistence.Migrations.Postgres
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
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    kind = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    category = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    min_tier = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    tags = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    current_version = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_collateral_items", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "mdf_budgets",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    partner_id = table.Column<Guid>(type: "uuid", nullable: false),
                    period = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    first_day = table.Column<DateOnly>(type: "date", nullable: false),
                    last_day = table.Column<DateOnly>(type: "date", nullable: false),
                    tier = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    amount_minor = table.Column<long>(type: "bigint", nullable: false),
                    currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    explanation = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    program_version = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
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
                name: "tier_holdings",
                columns: table => new
                {
                    partner_id = table.Column<Guid>(type: "uuid", nullable: false),
                    tier = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    since = table.Column<DateOnly>(type: "date", nullable: false),
                    program_version = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    explanation = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tier_holdings", x => x.partner_id);
                });

            migrationBuilder.CreateTable(
                name: "collateral_downloads",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    partner_id = table.Column<Guid>(type: "uuid", nullable: false),
                    item_id = table.Column<Guid>(type: "uuid", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    downloaded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    downloaded_by = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false)
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
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    item_id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    file_name = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    content_type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    size = table.Column<long>(type: "bigint", nullable: false),
                    sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    content = table.Column<byte[]>(type: "bytea", nullable: false),
                    note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    uploaded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    uploaded_by = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false)
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
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    partner_id = table.Column<Guid>(type: "uuid", nullable: false),
                    budget_id = table.Column<Guid>(type: "uuid", nullable: false),
                    period = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    kind = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    proposal = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    planned_on = table.Column<DateOnly>(type: "date", nullable: false),
                    asked_minor = table.Column<long>(type: "bigint", nullable: false),
                    currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    requested_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    requested_by = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    approved_minor = table.Column<long>(type: "bigint", nullable: true),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    decided_by = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    decision_note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    executed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    claim_minor = table.Column<long>(type: "bigint", nullable: true),
                    claim_note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    proof_id = table.Column<Guid>(type: "uuid", nullable: true),
                    claimed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    claimed_by = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    claim_decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    claim_decided_by = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    claim_decision_note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    paid_minor = table.Column<long>(type: "bigint", nullable: true),
                    ledger_transaction_id = table.Column<Guid>(type: "uuid", nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false)
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

            migrationBuilder.CreateTable(
                name: "mdf_proofs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    partner_id = table.Column<Guid>(type: "uuid", nullable: false),
                    activity_id = table.Column<Guid>(type: "uuid", nullable: false),
                    file_name = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    content_type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    size = table.Column<long>(type: "bigint", nullable: false),
                    sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    content = table.Column<byte[]>(type: "bytea", nullable: false),
                    uploaded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    uploaded_by = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false)
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
