using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PartnerHub.App.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ProgramVersionsAppendOnly : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // A published program version is history: the database refuses to change or remove it.
            migrationBuilder.Sql("""
                CREATE TRIGGER program_versions_no_update BEFORE UPDATE ON program_versions FOR EACH ROW EXECUTE FUNCTION refuse_append_only_change();
                CREATE TRIGGER program_versions_no_delete BEFORE DELETE ON program_versions FOR EACH ROW EXECUTE FUNCTION refuse_append_only_change();
                CREATE TRIGGER program_versions_no_truncate BEFORE TRUNCATE ON program_versions FOR EACH STATEMENT EXECUTE FUNCTION refuse_append_only_change();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS program_versions_no_update ON program_versions; DROP TRIGGER IF EXISTS program_versions_no_delete ON program_versions; DROP TRIGGER IF EXISTS program_versions_no_truncate ON program_versions;");
        }
    }
}
