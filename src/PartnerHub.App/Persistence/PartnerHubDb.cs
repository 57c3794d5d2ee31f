using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using PartnerHub.App.Audit;
using PartnerHub.App.Deals;
using PartnerHub.App.Identity;
using PartnerHub.App.Ledger;
using PartnerHub.App.Webhooks;
using PartnerHub.Core.Common;
using PartnerHub.Core.Deals;
using PartnerHub.Core.Ledger;
using PartnerHub.Core.Partners;

namespace PartnerHub.App.Persistence;

/// <summary>
/// The one EF Core model, shared by both databases. Each provider has a subclass only so that it can keep its own
/// migrations (<see cref="SqlitePartnerHubDb"/>, <see cref="PostgresPartnerHubDb"/>).
/// </summary>
public abstract class PartnerHubDb : IdentityDbContext<AppUser, AppRole, Guid>
{
    private const string SavepointName = "partnerhub_save";

    private readonly AuditRecorder _audit = new();

    // New rows written on behalf of another actor than this scope's (see AddOnBehalfOf), until they are saved.
    private readonly Dictionary<object, Actor> _onBehalf = new(ReferenceEqualityComparer.Instance);

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

    public DbSet<DealRegistration> DealRegistrations => Set<DealRegistration>();

    /// <summary>The vendor's own customers (from the CRM), which partner registrations must not claim.</summary>
    public DbSet<Customer> Customers => Set<Customer>();

    public DbSet<LedgerTransactionRecord> LedgerTransactions => Set<LedgerTransactionRecord>();

    public DbSet<LedgerEntryRecord> LedgerEntries => Set<LedgerEntryRecord>();

    public DbSet<StatementRecord> Statements => Set<StatementRecord>();

    public DbSet<StatementLineRecord> StatementLines => Set<StatementLineRecord>();

    public DbSet<PayoutBatch> PayoutBatches => Set<PayoutBatch>();

    public DbSet<PayoutLineRecord> PayoutLines => Set<PayoutLineRecord>();

    /// <summary>The partner a partner user is confined to; null for vendor staff and the system. Read by the query filters.</summary>
    internal PartnerId? Scope => Actor.PartnerScope;

    public abstract DatabaseProvider Provider { get; }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PartnerHubDb).Assembly);
        builder.Entity<Partner>().HasQueryFilter(PartnerScopeFilter.Name, p => Scope == null || p.Id == Scope);
        foreach (var entity in builder.Model.GetEntityTypes().Where(e => typeof(IOwnedByPartner).IsAssignableFrom(e.ClrType)))
            builder.Entity(entity.ClrType).HasQueryFilter(PartnerScopeFilter.Name, PartnerScopeFilter.For(entity.ClrType, this));
        foreach (var entity in builder.Model.GetEntityTypes().Where(e => typeof(IPartnerTagged).IsAssignableFrom(e.ClrType)))
            builder.Entity(entity.ClrType).HasQueryFilter(PartnerScopeFilter.Name, PartnerScopeFilter.ForTagged(entity.ClrType, this));
        foreach (var entity in builder.Model.GetEntityTypes().Where(e => typeof(IVendorOnly).IsAssignableFrom(e.ClrType)))
            builder.Entity(entity.ClrType).HasQueryFilter(PartnerScopeFilter.Name, PartnerScopeFilter.ForVendorOnly(entity.ClrType, this));
        // Outbox rows are written on behalf of partner users too (a deal they register), so they are not IVendorOnly; only vendors read them.
        builder.Entity<WebhookEvent>().HasQueryFilter(PartnerScopeFilter.Name, e => Scope == null);
        builder.Entity<WebhookWaiting>().HasQueryFilter(PartnerScopeFilter.Name, e => Scope == null);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<PartnerId>().HaveConversion<TypedIdConverters.PartnerIdConverter>();
        configurationBuilder.Properties<DealId>().HaveConversion<TypedIdConverters.DealIdConverter>();
        configurationBuilder.Properties<LedgerTransactionId>().HaveConversion<TypedIdConverters.LedgerTransactionIdConverter>();
        configurationBuilder.Properties<StatementId>().HaveConversion<TypedIdConverters.StatementIdConverter>();
        configurationBuilder.Properties<PayoutBatchId>().HaveConversion<TypedIdConverters.PayoutBatchIdConverter>();
        configurationBuilder.Properties<Currency>().HaveConversion<TypedIdConverters.CurrencyConverter>().HaveMaxLength(3);
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
    }

    /// <summary>
    /// Adds a new row that the next save writes on behalf of <paramref name="actor"/>: its audit entry names that actor,
    /// and the actor's partner scope bounds it. A writer recording several requests' work saves them all at once, and
    /// each still names its own request in the audit trail.
    /// </summary>
    internal void AddOnBehalfOf(Actor actor, object entity)
    {
        Add(entity);
        _onBehalf[entity] = actor;
    }

    private Actor ActorOf(object entity) => _onBehalf.GetValueOrDefault(entity) ?? Actor;

    /// <summary>
    /// The one write path. Checks partner scope, collects the audit entries and outbox events of every change, writes new
    /// partners, audit entries and events as batched INSERTs (<see cref="BatchedInserts"/>) and everything else through
    /// EF Core, all in one transaction (ADR 18).
    /// </summary>
    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default) =>
        SaveAsync([], acceptAllChangesOnSuccess, cancellationToken);

    /// <summary>
    /// The same save, with new entities that are not tracked (<see cref="BatchedInserts.Handles"/> types only): an import
    /// of thousands of partners skips EF Core's tracking of each, and every rule of the save still applies to them.
    /// </summary>
    internal Task<int> SaveChangesAsync(IReadOnlyList<object> untrackedNew, CancellationToken ct) => SaveAsync(untrackedNew, true, ct);

    private async Task<int> SaveAsync(IReadOnlyList<object> untrackedNew, bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        ChangeTracker.DetectChanges();
        var autoDetect = ChangeTracker.AutoDetectChangesEnabled;
        ChangeTracker.AutoDetectChangesEnabled = false; // detected once above; each pass below would detect again
        try
        {
            var writes = ChangeTracker.Entries().Where(e => e.State is not (EntityState.Unchanged or EntityState.Detached))
                .Select(e => new PendingWrite(e.Entity, e.State, e))
                .Concat(untrackedNew.Select(n => BatchedInserts.Handles(Model.FindEntityType(n.GetType()))
                    ? new PendingWrite(n, EntityState.Added, null)
                    : throw new InvalidOperationException($"{n.GetType().Name} cannot be saved untracked.")))
                .ToList();
            PartnerScopeFilter.EnsureWritesStayInScope(writes, write => ActorOf(write.Entity).PartnerScope);
            var now = Clock.GetUtcNow();
            var audit = _audit.Collect(writes, ActorOf, now);
            // Webhook events join the same transaction as the change they describe (transactional outbox, ADR 12).
            var events = WebhookOutbox.Collect(writes, now);
            var tracked = writes.Where(w => w is { State: EntityState.Added, Entry: { } e } && BatchedInserts.Handles(e.Metadata)).Select(w => w.Entry!).ToList();
            var batched = writes.Where(w => w.State == EntityState.Added && (w.Entry is null || BatchedInserts.Handles(w.Entry.Metadata))).ToList();
            if (audit.Count + events.Count + batched.Count == 0) return await SaveTrackedAsync(acceptAllChangesOnSuccess, cancellationToken);

            // All or nothing: our own transaction, or a savepoint in the caller's (which PostgreSQL also needs to go on after
            // a failed statement), unless the caller sets its own savepoints and turned EF Core's off (the revenue writer).
            await using var own = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
            var outer = own is null && Database.AutoSavepointsEnabled ? Database.CurrentTransaction! : null;
            if (outer is not null) await outer.CreateSavepointAsync(SavepointName, cancellationToken);
            var written = 0;
            try
            {
                written += await BatchedInserts.InsertAsync(this, [.. batched.GroupBy(w => w.Entity.GetType()).Select(g => g.Select(w => w.Entity).ToList()), audit], cancellationToken);

                foreach (var entry in tracked) entry.State = EntityState.Unchanged; // written: EF Core must not insert them again
                written += await SaveTrackedAsync(acceptAllChangesOnSuccess, cancellationToken);
                var outbox = events.Select(build => build()).ToList(); // after: their bodies name assigned ids
                written += await BatchedInserts.InsertAsync(this, [outbox, outbox.Select(WebhookWaiting.For).ToList()], cancellationToken);
                if (own is not null) await own.CommitAsync(cancellationToken);
                else if (outer is not null) await outer.ReleaseSavepointAsync(SavepointName, cancellationToken);
            }
            catch
            {
                if (outer is not null) await outer.RollbackToSavepointAsync(SavepointName, CancellationToken.None);
                foreach (var entry in tracked) entry.State = EntityState.Added; // rolled back: still to be written
                throw;
            }

            return written;
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }
    }

    private async Task<int> SaveTrackedAsync(bool acceptAllChangesOnSuccess, CancellationToken ct)
    {
        var written = await base.SaveChangesAsync(acceptAllChangesOnSuccess, ct);
        _audit.Saved(ChangeTracker);
        return written;
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        throw new NotSupportedException("Use SaveChangesAsync: it audits and checks partner scope.");
}
