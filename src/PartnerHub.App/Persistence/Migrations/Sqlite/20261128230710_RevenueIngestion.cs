using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PartnerHub.App.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RevenueIngestion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "attributed_at",
                table: "revenue_events",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "attributed_by",
                table: "revenue_events",
                type: "TEXT",
                maxLength: 254,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "attribution",
                table: "revenue_events",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "attribution_note",
                table: "revenue_events",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "customer_domain",
                table: "revenue_events",
                type: "TEXT",
                maxLength: 253,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "original_external_id",
                table: "revenue_events",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "referral_code",
                table: "revenue_events",
                type: "TEXT",
                maxLength: 50,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "idempotent_requests",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    scope = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    request_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    status_code = table.Column<int>(type: "INTEGER", nullable: false),
                    response_json = table.Column<string>(type: "TEXT", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_idempotent_requests", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "referral_codes",
                columns: table => new
                {
                    code = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    partner_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_referral_codes", x => x.code);
                    table.ForeignKey(
                        name: "fk_referral_codes_partners_partner_id",
                        column: x => x.partner_id,
                        principalTable: "partners",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_revenue_events_customer_ref_partner_id",
                table: "revenue_events",
                columns: new[] { "customer_ref", "partner_id" },
                filter: "customer_ref IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_revenue_events_original_external_id",
                table: "revenue_events",
                column: "original_external_id",
                filter: "original_external_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_idempotent_requests_scope_key",
                table: "idempotent_requests",
                columns: new[] { "scope", "key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_referral_codes_partner_id",
                table: "referral_codes",
                column: "partner_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "idempotent_requests");

            migrationBuilder.DropTable(
                name: "referral_codes");

            migrationBuilder.DropIndex(
                name: "ix_revenue_events_customer_ref_partner_id",
                table: "revenue_events");

            migrationBuilder.DropIndex(
                name: "ix_revenue_events_original_external_id",
                table: "revenue_events");

            migrationBuilder.DropColumn(
                name: "attributed_at",
                table: "revenue_events");

            migrationBuilder.DropColumn(
                name: "attributed_by",
                table: "revenue_events");

            migrationBuilder.DropColumn(
                name: "attribution",
                table: "revenue_events");

            migrationBuilder.DropColumn(
                name: "attribution_note",
                table: "revenue_events");

            migrationBuilder.DropColumn(
                name: "customer_domain",
                table: "revenue_events");

            migrationBuilder.DropColumn(
                name: "original_external_id",
                table: "revenue_events");

            migrationBuilder.DropColumn(
                name: "referral_code",
                table: "revenue_events");
        }
    }
}
