using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PartnerHub.App.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PartnerStageMoves : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "stage_changed_at",
                table: "partners",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "stage_reason",
                table: "partners",
                type: "TEXT",
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
