using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using PartnerHub.App.Audit;
using PartnerHub.App.Identity;
using PartnerHub.Core.Partners;

namespace PartnerHub.App.Persistence;

/// <summary>
/// The one EF Core model, shared by both databases. Each provider has a subclass only so that it can keep its own
/// migrations (<see cref="SqlitePartnerHubDb"/>, <see cref="PostgresPartnerHubDb"/>).
/// </summary>
public abstract class PartnerHubDb : IdentityDbContext<AppUser, AppRole, Guid>
{
    private readonly AuditRecorder _audit = new();

    protected PartnerHubDb(DbContextOptions options, Actor actor, TimeProvider clock) : base(options)
    {
        Actor = actor;
        Clock = clock;
        ChangeTracker.Tracked += (_, e) => _audit.OnTracked(e);
    }

    public Actor Actor { get; }

    public TimeProvider Clock { get; }

    public DbSet<Partner> Partners => Set<Partner>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    /// <summary>The partner a partner user is confined to; null for vendor staff and the system. Read by the query filters.</summary>
    internal PartnerId? Scope => Actor.PartnerScope;

    public abstract DatabaseProvider Provider { get; }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PartnerHubDb).Assembly);
        builder.Entity<Partner>().HasQueryFilter(PartnerScopeFilter.Name, p => Scope == null || p.Id == Scope);
        foreach (var entity in builder.Model.GetEntityTypes().Where(e => typeof(IPartnerOwned).IsAssignableFrom(e.ClrType)))
            builder.Entity(entity.ClrType).HasQueryFilter(PartnerScopeFilter.Name, PartnerScopeFilter.For(entity.ClrType, this));
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<PartnerId>().HaveConversion<TypedIdConverters.PartnerIdConverter>();
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        PartnerScopeFilter.EnsureWritesStayInScope(ChangeTracker, Scope);
        AuditEntries.AddRange(_audit.Collect(ChangeTracker, Actor, Clock.GetUtcNow()));
        var written = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        _audit.Saved(ChangeTracker);
        return written;
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        throw new NotSupportedException("Use SaveChangesAsync: it audits and checks partner scope.");
}
