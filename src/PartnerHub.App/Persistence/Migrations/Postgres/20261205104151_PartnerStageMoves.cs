using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PartnerHub.App.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PartnerStageMoves : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "stage_changed_at",
                table: "partners",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.AddColumn<string>(
                name: "stage_reason",
                table: "partners",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            // Existing partners entered their stage no later than their last change.
            migrationBuilder.Sql("UPDATE partners SET stage_changed_at = updated_at;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "stage_changed_at",
                table: "partners");

            migrationBuilder.DropColumn(
                name: "stage_reason",
                table: "partners");
        }
    }
}
