using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PartnerHub.App.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ProgramVersionsAppendOnly : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // A published program version is history: the database refuses to change or remove it.
            migrationBuilder.Sql("""
                CREATE TRIGGER program_versions_no_update BEFORE UPDATE ON program_versions
                BEGIN SELECT RAISE(ABORT, 'program_versions is append-only: UPDATE refused'); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER program_versions_no_delete BEFORE DELETE ON program_versions
                BEGIN SELECT RAISE(ABORT, 'program_versions is append-only: DELETE refused'); END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS program_versions_no_update;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS program_versions_no_delete;");
        }
    }
}
