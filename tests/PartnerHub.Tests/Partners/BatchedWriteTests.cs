using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PartnerHub.App.Audit;
using PartnerHub.App.Csv;
using PartnerHub.App.Identity;
using PartnerHub.App.Partners;
using PartnerHub.App.Persistence;
using PartnerHub.App.Programs;
using PartnerHub.App.Webhooks;
using PartnerHub.Core.Partners;
using PartnerHub.Tests.Infrastructure;

namespace PartnerHub.Tests.Partners;

/// <summary>
/// New partners, their audit entries and outbox events are written by batched inserts built from the EF model (ADR 18),
/// for a single save (tracked by EF Core) and for an import (handed to the same save untracked) alike. These check what
/// that path must keep: every column as EF Core reads it back, the same audit content whichever way a partner arrives,
/// all or nothing, and the partner scope.
/// </summary>
public abstract class BatchedWriteTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    private static PartnerDetails EveryField(string k) => new()
    {
        ExternalId = $"{k}-ext",
        Name = $"Every Field {k} \u202Eشريك\u202C",
        Domain = $"{k}.example.com",
        Subcategory = "resellers",
        Stage = "active",
        Region = "EMEA",
        Country = "de",
        Owner = "maria.lopez@partnerhub.demo",
        Contacts = [new Contact("Jana Novak", "jana@example.com", "Partner lead", "+49 30 1234"), new Contact("Bo Ek", "bo@example.com")],
        RevenueModel = "revenue-share",
        RateOverrides = [new RateOverride("revenue-share", 12.3456m)],
        AgreementStartsOn = new DateOnly(2026, 1, 1),
        AgreementRenewsOn = new DateOnly(2027, 1, 1),
        Tags = ["emea", "vip"],
        Notes = "line one\nline two, with \"quotes\"",
    };

    [Fact]
    public async Task A_partner_written_in_a_batch_reads_back_field_for_field_with_its_audit_entry_and_event()
    {
        var k = Build.Unique("b");
        PartnerView created;
        await using (var scope = app.Scope())
        {
            var save = await scope.ServiceProvider.GetRequiredService<SavePartner>().CreateAsync(EveryField(k), CancellationToken.None);
            Assert.True(save.IsSuccess, save.IsSuccess ? "" : save.Error.Message);
            created = save.Value;
        }

        await using var read = app.Scope();
        var db = read.ServiceProvider.GetRequiredService<PartnerHubDb>();
        var stored = await db.Partners.AsNoTracking().SingleAsync(p => p.Id == new PartnerId(created.Id));
        Assert.Equivalent(created, PartnerView.From(stored), strict: true);
        Assert.Equal((12.3456m, "+49 30 1234"), (stored.Agreement.RateOverrides[0].Percent, stored.Contacts[0].Phone));

        var audit = Assert.Single(await db.AuditEntries.AsNoTracking().Where(a => a.EntityId == created.Id.ToString()).ToListAsync());
        Assert.Equal(("created", "partner", app.Clock.GetUtcNow()), (audit.Action, audit.Entity, audit.At));
        var expected = stored.AuditSnapshot().Where(f => f.Value is not null).Select(f => new FieldChange(f.Key, null, f.Value));
        Assert.Equal(expected, audit.Changes);

        var events = await db.Set<WebhookEvent>().AsNoTracking().Where(e => e.Type == WebhookEventTypes.PartnerCreated && e.Payload.Contains(created.Id.ToString())).ToListAsync();
        Assert.Equal(app.Clock.GetUtcNow(), Assert.Single(events).OccurredAt);
    }

    [Fact]
    public async Task Many_partners_written_in_one_batch_read_back_field_for_field_with_their_audit_entries_and_events()
    {
        // Enough rows for PostgreSQL's binary COPY (a few go as one INSERT); SQLite steps one prepared statement per row.
        var k = Build.Unique("m");
        var catalog = await CatalogAsync();
        var partners = Enumerable.Range(0, 150).Select(i => Partner.Create(EveryField($"{k}-{i}").Validate(catalog).Value, app.Clock.GetUtcNow())).ToList();
        partners[7] = Partner.Create(EveryField($"{k}-7").Validate(catalog).Value with { ExternalId = null, Region = null, Country = null, Owner = null, Contacts = [], Tags = [], Notes = null }, app.Clock.GetUtcNow());
        await using (var scope = app.Scope())
            await scope.ServiceProvider.GetRequiredService<PartnerHubDb>().SaveChangesAsync(partners, CancellationToken.None);

        await using var read = app.Scope();
        var db = read.ServiceProvider.GetRequiredService<PartnerHubDb>();
        var stored = await db.Partners.AsNoTracking().Where(p => p.Domain.StartsWith(k)).ToDictionaryAsync(p => p.Id);
        Assert.Equal(partners.Count, stored.Count);
        Assert.All(partners, p => Assert.Equivalent(PartnerView.From(p), PartnerView.From(stored[p.Id]), strict: true));

        var ids = partners.Select(p => p.Id.ToString()).ToList();
        var audit = await db.AuditEntries.AsNoTracking().Where(a => ids.Contains(a.EntityId)).ToListAsync();
        Assert.Equal(partners.Count, audit.Count);
        Assert.All(audit, a => Assert.Equal(app.Clock.GetUtcNow(), a.At));
        var sparse = audit.Single(a => a.EntityId == partners[7].Id.ToString());
        Assert.Equal(partners[7].AuditSnapshot().Where(f => f.Value is not null).Select(f => new FieldChange(f.Key, null, f.Value)), sparse.Changes);

        var events = await db.Set<WebhookEvent>().AsNoTracking().Where(e => e.Type == WebhookEventTypes.PartnerCreated && e.Payload.Contains(k)).ToListAsync();
        Assert.Equal(partners.Count, events.Count);
        Assert.All(events, e => Assert.Equal(app.Clock.GetUtcNow(), e.OccurredAt));
        var eventIds = events.Select(e => e.Id).ToList();
        Assert.Equal(partners.Count, await db.Set<WebhookWaiting>().CountAsync(w => eventIds.Contains(w.EventId))); // each waits for the worker
    }

    [Fact]
    public async Task An_imported_partner_gets_the_same_audit_entry_as_one_saved_on_its_own()
    {
        // More rows than one INSERT statement holds on either database, so the import's rows span several statements.
        var k = Build.Unique("q");
        var rows = Enumerable.Range(0, 1_200).Select(i => EveryField($"{k}-{i}")).ToList();
        var csv = new StringBuilder("external_id,name,domain,subcategory,stage,region,country,owner,contacts,revenue_model,rate_overrides,agreement_starts_on,agreement_renews_on,tags,notes\n");
        foreach (var d in rows)
            csv.Append($"{d.ExternalId},{d.Name},{d.Domain},{d.Subcategory},{d.Stage},{d.Region},{d.Country},{d.Owner},\"Jana Novak <jana@example.com> | Partner lead | +49 30 1234\nBo Ek <bo@example.com>\",{d.RevenueModel},revenue-share=12.3456,2026-01-01,2027-01-01,emea; vip,\"{d.Notes!.Replace("\"", "\"\"")}\"\n");

        await using (var scope = app.Scope())
        {
            var report = await scope.ServiceProvider.GetRequiredService<ImportPartners>().HandleAsync(Encoding.UTF8.GetBytes(csv.ToString()), new ImportOptions(), null, CancellationToken.None);
            Assert.Equal((rows.Count, 0), (report.Created, report.Errors.Count));
        }

        var single = EveryField($"{k}-single");
        await using (var scope = app.Scope())
            Assert.True((await scope.ServiceProvider.GetRequiredService<SavePartner>().CreateAsync(single, CancellationToken.None)).IsSuccess);

        await using var read = app.Scope();
        var db = read.ServiceProvider.GetRequiredService<PartnerHubDb>();
        var partners = await db.Partners.AsNoTracking().Where(p => p.Domain.StartsWith(k)).ToDictionaryAsync(p => p.Id.ToString(), p => p.Domain);
        var ids = partners.Keys.ToList();
        var entries = await db.AuditEntries.AsNoTracking().Where(a => ids.Contains(a.EntityId)).ToListAsync();
        Assert.Equal(rows.Count + 1, entries.Count);

        // The same details give the same audit content, whichever way they arrived; only the unique fields differ.
        static string Content(AuditEntry e, string domain) =>
            e.Action + ":" + string.Join("|", e.Changes.Select(c => $"{c.Field}={c.Before}>{c.After}".Replace(domain.Split('.')[0], "K")));
        var byDomain = entries.ToDictionary(e => partners[e.EntityId]);
        var one = Content(byDomain[single.Domain!], single.Domain!);
        Assert.All(rows, d => Assert.Equal(one, Content(byDomain[d.Domain!], d.Domain!)));
        Assert.Equal("import", byDomain[rows[0].Domain!].Operation);
    }

    [Theory]
    [InlineData(2)] // one INSERT on PostgreSQL
    [InlineData(150)] // binary COPY on PostgreSQL
    public async Task A_batch_the_database_refuses_writes_nothing_and_the_transaction_goes_on(int rows)
    {
        var k = Build.Unique("f");
        var catalog = await CatalogAsync();
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PartnerHubDb>();
        await using var transaction = await db.Database.BeginTransactionAsync();

        // Two new partners with one domain get past no use case, but the unique index refuses the last one.
        var first = Partner.Create(EveryField(k).Validate(catalog).Value with { ExternalId = null }, app.Clock.GetUtcNow());
        var others = Enumerable.Range(1, rows - 2).Select(i => Partner.Create(EveryField($"{k}-{i}").Validate(catalog).Value, app.Clock.GetUtcNow())).ToList();
        var twin = Partner.Create(EveryField(k).Validate(catalog).Value with { ExternalId = null }, app.Clock.GetUtcNow());
        db.Partners.AddRange([first, .. others, twin]);
        var refused = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        Assert.True(DbErrors.IsUniqueViolation(refused), refused.ToString());
        Assert.Equal(EntityState.Added, db.Entry(twin).State);

        db.Partners.Remove(twin);
        await db.SaveChangesAsync(); // the transaction is still usable: the failed batch rolled back to its savepoint
        await transaction.CommitAsync();

        db.ChangeTracker.Clear();
        var stored = Assert.Single(await db.Partners.AsNoTracking().Where(p => p.Domain == EveryField(k).Domain).ToListAsync());
        Assert.Equal(first.Id, stored.Id);
        Assert.Equal(rows - 1, await db.Partners.CountAsync(p => p.Domain.StartsWith(k)));
        Assert.Single(await db.AuditEntries.AsNoTracking().Where(a => a.EntityId == first.Id.ToString()).ToListAsync());
        Assert.Empty(await db.AuditEntries.AsNoTracking().Where(a => a.EntityId == twin.Id.ToString()).ToListAsync());
    }

    [Fact]
    public async Task A_partner_user_cannot_create_a_partner_through_the_batched_path_tracked_untracked_or_through_a_writer()
    {
        var k = Build.Unique("z");
        var catalog = await CatalogAsync();
        await using var scope = app.Scope();
        scope.ServiceProvider.GetRequiredService<Actor>().ActAsUser(Guid.NewGuid(), "partner@example.com", PartnerId.New(), "api");
        var db = scope.ServiceProvider.GetRequiredService<PartnerHubDb>();
        db.Partners.Add(Partner.Create(EveryField(k).Validate(catalog).Value, app.Clock.GetUtcNow()));

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        Assert.Contains("scope of partner", refused.Message);

        // The import's way in, new partners handed to the save untracked, meets the same check.
        db.ChangeTracker.Clear();
        var untracked = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            db.SaveChangesAsync([Partner.Create(EveryField(k).Validate(catalog).Value, app.Clock.GetUtcNow())], CancellationToken.None));
        Assert.Contains("scope of partner", untracked.Message);

        // A vendor-wide writer saving on behalf of the partner user (a group of requests) meets it too.
        await using var writer = app.Scope();
        var writerDb = writer.ServiceProvider.GetRequiredService<PartnerHubDb>();
        writerDb.AddOnBehalfOf(scope.ServiceProvider.GetRequiredService<Actor>(), Partner.Create(EveryField(k).Validate(catalog).Value, app.Clock.GetUtcNow()));
        var onBehalf = await Assert.ThrowsAsync<InvalidOperationException>(() => writerDb.SaveChangesAsync());
        Assert.Contains("scope of partner", onBehalf.Message);
        await using var read = app.Scope();
        Assert.False(await read.ServiceProvider.GetRequiredService<PartnerHubDb>().Partners.AnyAsync(p => p.Domain == EveryField(k).Domain));
    }

    private async Task<PartnerCatalog> CatalogAsync()
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<ProgramStore>().CatalogAsync(CancellationToken.None);
    }
}

public sealed class BatchedWriteOnSqlite(SqliteApp app) : BatchedWriteTests<SqliteApp>(app);

public sealed class BatchedWriteOnPostgres(PostgresApp app) : BatchedWriteTests<PostgresApp>(app);
