using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PartnerHub.App.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PayoutBatchCancel : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_payout_batches_one_open_per_currency",
                table: "payout_batches");

            migrationBuilder.AddColumn<string>(
                name: "cancel_reason",
                table: "payout_batches",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "cancelled_at",
                table: "payout_batches",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "cancelled_by",
                table: "payout_batches",
                type: "character varying(254)",
                maxLength: 254,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_payout_batches_one_open_per_currency",
                table: "payout_batches",
                column: "currency",
                unique: true,
                filter: "status IN ('Created', 'Exported')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_payout_batches_one_open_per_currency",
                table: "payout_batches");

            migrationBuilder.DropColumn(
                name: "cancel_reason",
                table: "payout_batches");

            migrationBuilder.DropColumn(
                name: "cancelled_at",
                table: "payout_batches");

            migrationBuilder.DropColumn(
                name: "cancelled_by",
                table: "payout_batches");

            migrationBuilder.CreateIndex(
                name: "ix_payout_batches_one_open_per_currency",
                table: "payout_batches",
                column: "currency",
                unique: true,
                filter: "status <> 'Paid'");
        }
    }
}
