using Microsoft.EntityFrameworkCore;
using PartnerHub.App.Persistence;
using PartnerHub.Core.Common;

namespace PartnerHub.App.Identity;

public sealed record ApiKeyView(Guid Id, string Name, string Hint, IReadOnlyList<string> Scopes, string CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt)
{
    public static ApiKeyView From(ApiKey k) => new(k.Id, k.Name, k.Hint, k.Scopes, k.CreatedBy, k.CreatedAt, k.LastUsedAt, k.RevokedAt);
}

/// <summary>The key itself, shown exactly once, at creation.</summary>
public sealed record CreatedApiKey(ApiKeyView Key, string Secret);

public sealed record NewApiKey(string? Name, IReadOnlyList<string>? Scopes);

public sealed class ManageApiKeys(PartnerHubDb db, ApiKeyCache cache)
{
    public async Task<IReadOnlyList<ApiKeyView>> ListAsync(CancellationToken ct) =>
        (await db.Set<ApiKey>().AsNoTracking().OrderByDescending(k => k.CreatedAt).ToListAsync(ct)).Select(ApiKeyView.From).ToList();

    public async Task<Result<CreatedApiKey>> CreateAsync(NewApiKey input, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var name = Text.Line(errors, "name", input.Name, 100, required: true);
        var scopes = (input.Scopes ?? []).Distinct(StringComparer.Ordinal).ToArray();
        if (scopes.Length == 0) errors.Add("scopes", $"Give at least one scope: {string.Join(", ", Permissions.Scopes)}.");
        foreach (var unknown in scopes.Except(Permissions.Scopes)) errors.Add("scopes", $"Unknown scope '{unknown}'. Known: {string.Join(", ", Permissions.Scopes)}.");
        if (errors.Any) return errors.ToError();

        var (key, secret) = ApiKey.Create(name!, scopes, db.Actor.Name, db.Clock.GetUtcNow());
        db.Add(key);
        await db.SaveChangesAsync(ct);
        return new CreatedApiKey(ApiKeyView.From(key), secret);
    }

    public async Task<Result<ApiKeyView>> RevokeAsync(Guid id, CancellationToken ct)
    {
        var key = await db.Set<ApiKey>().FirstOrDefaultAsync(k => k.Id == id, ct);
        if (key is null) return Error.NotFound("API key", id);
        key.Revoke(db.Clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        cache.Evict(id); // after the commit, so no request between eviction and commit can re-cache the key as valid
        return ApiKeyView.From(key);
    }

    /// <summary>
    /// The key for a presented secret, if it exists and is not revoked. A key read from the database is trusted for
    /// <see cref="ApiKeyCache.Lifetime"/>; revoking it on this instance evicts it, so it fails on its very next use here,
    /// and on other instances within that lifetime. The last-used time is written at most once a minute.
    /// </summary>
    public async Task<ApiKey?> AuthenticateAsync(string secret, CancellationToken ct)
    {
        if (!secret.StartsWith(ApiKey.Prefix, StringComparison.Ordinal) || secret.Length > 200) return null;
        var hash = ApiKey.HashOf(secret);
        var now = db.Clock.GetUtcNow();
        var database = db.Database.GetConnectionString() ?? "";
        if (cache.Find(database, hash, now) is { } cached)
        {
            if (now - cached.LastUsedWritten > TimeSpan.FromMinutes(1))
            {
                await TouchAsync(cached.Key.Id, now, ct);
                cache.Keep(database, hash, cached with { LastUsedWritten = now });
            }

            return cached.Key;
        }

        var key = await db.Set<ApiKey>().AsNoTracking().FirstOrDefaultAsync(k => k.Hash == hash, ct);
        if (key is null || key.IsRevoked) return null; // unknown and revoked keys are not cached: they are read each time
        var written = key.LastUsedAt ?? DateTimeOffset.MinValue;
        if (key.LastUsedAt is null || now - key.LastUsedAt > TimeSpan.FromMinutes(1))
        {
            await TouchAsync(key.Id, now, ct);
            written = now;
        }

        cache.Keep(database, hash, new ApiKeyCache.Entry(key, now, written));
        return key;
    }

    private Task<int> TouchAsync(Guid id, DateTimeOffset now, CancellationToken ct) =>
        db.Set<ApiKey>().Where(k => k.Id == id).ExecuteUpdateAsync(u => u.SetProperty(k => k.LastUsedAt, now), ct);
}
