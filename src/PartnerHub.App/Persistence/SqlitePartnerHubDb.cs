using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using PartnerHub.App.Identity;

namespace PartnerHub.App.Persistence;

public sealed class SqlitePartnerHubDb(DbContextOptions<SqlitePartnerHubDb> options, Actor actor, TimeProvider clock)
    : PartnerHubDb(options, actor, clock)
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
    }
}

/// <summary>Lets `dotnet ef migrations add X --context SqlitePartnerHubDb` build the model without the app.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqlitePartnerHubDb>
{
    public SqlitePartnerHubDb CreateDbContext(string[] args) =>
        new((DbContextOptions<SqlitePartnerHubDb>)Database.Configure(new DbContextOptionsBuilder<SqlitePartnerHubDb>(), DatabaseProvider.Sqlite, "Data Source=design.db").Options,
            new Actor(), TimeProvider.System);
}
