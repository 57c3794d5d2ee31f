using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using PartnerHub.App.Identity;

namespace PartnerHub.App.Persistence;

public sealed class PostgresPartnerHubDb(DbContextOptions<PostgresPartnerHubDb> options, Actor actor, TimeProvider clock)
    : PartnerHubDb(options, actor, clock)
{
    public override DatabaseProvider Provider => DatabaseProvider.Postgres;
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresPartnerHubDb>
{
    public PostgresPartnerHubDb CreateDbContext(string[] args) =>
        new((DbContextOptions<PostgresPartnerHubDb>)Database.Configure(new DbContextOptionsBuilder<PostgresPartnerHubDb>(), DatabaseProvider.Postgres, "Host=localhost;Database=design").Options,
            new Actor(), TimeProvider.System);
}
