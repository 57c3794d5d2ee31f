using Microsoft.EntityFrameworkCore;
using PartnerHub.App.Persistence;
using PartnerHub.App.Programs;
using PartnerHub.Core.Common;
using PartnerHub.Core.Partners;

namespace PartnerHub.App.Partners;

/// <summary>Creates a partner, or updates one at the version the client read. Every change is audited by the database context.</summary>
public sealed class SavePartner(PartnerHubDb db, ProgramStore programs)
{
    public async Task<Result<PartnerView>> CreateAsync(PartnerDetails details, CancellationToken ct)
    {
        var valid = details.Validate(await programs.CatalogAsync(ct));
        if (!valid.IsSuccess) return valid.Error;
        if (await DomainHolderAsync(valid.Value.Domain, null, ct) is { } holder) return PartnerErrors.DomainTaken(valid.Value.Domain, holder);
        if (await ExternalIdHolderAsync(valid.Value.ExternalId, null, ct) is { } idHolder)
            return Error.Validation("externalId", $"External id '{valid.Value.ExternalId}' already belongs to partner '{idHolder}'.");

        var partner = Partner.Create(valid.Value, db.Clock.GetUtcNow());
        db.Partners.Add(partner);
        return await SaveAsync(partner, ct);
    }

    public async Task<Result<PartnerView>> UpdateAsync(PartnerId id, PartnerDetails details, int version, CancellationToken ct)
    {
        var partner = await db.Partners.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (partner is null) return PartnerErrors.NotFound(id);
        // An edit that leaves the stage out keeps it; the stage moves only by lifecycle actions.
        if (string.IsNullOrWhiteSpace(details.Stage)) details = details with { Stage = partner.Stage.Key() };
        var valid = details.Validate(await programs.CatalogAsync(ct));
        if (!valid.IsSuccess) return valid.Error;
        if (await DomainHolderAsync(valid.Value.Domain, id, ct) is { } holder) return PartnerErrors.DomainTaken(valid.Value.Domain, holder);
        if (await ExternalIdHolderAsync(valid.Value.ExternalId, id, ct) is { } idHolder)
            return Error.Validation("externalId", $"External id '{valid.Value.ExternalId}' already belongs to partner '{idHolder}'.");

        var updated = partner.Update(valid.Value, version, db.Clock.GetUtcNow());
        return updated.IsSuccess ? await SaveAsync(partner, ct) : updated.Error;
    }

    public async Task<Result<PartnerView>> ArchiveAsync(PartnerId id, int version, CancellationToken ct)
    {
        var partner = await db.Partners.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (partner is null) return PartnerErrors.NotFound(id);
        var archived = partner.Archive(version, db.Clock.GetUtcNow());
        return archived.IsSuccess ? await SaveAsync(partner, ct) : archived.Error;
    }

    private async Task<Result<PartnerView>> SaveAsync(Partner partner, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return PartnerView.From(partner);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone saved between our read and our write: the version check in the WHERE clause caught it.
            return PartnerErrors.StaleVersion(partner.Id, partner.Version - 1, partner.Version);
        }
        catch (DbUpdateException)
        {
            // Lost a race for the same domain or external id against a concurrent save; anything else is a bug.
            db.ChangeTracker.Clear();
            if (await DomainHolderAsync(partner.Domain, partner.Id, ct) is { } holder) return PartnerErrors.DomainTaken(partner.Domain, holder);
            if (await ExternalIdHolderAsync(partner.ExternalId, partner.Id, ct) is not null)
                return Error.Validation("externalId", $"External id '{partner.ExternalId}' was just taken by another partner.");
            throw;
        }
    }

    private Task<string?> DomainHolderAsync(string domain, PartnerId? except, CancellationToken ct) =>
        db.Partners.IgnoreQueryFilters([PartnerScopeFilter.Name]).AsNoTracking()
            .Where(p => p.Domain == domain && p.ArchivedAt == null && (except == null || p.Id != except))
            .Select(p => p.Name).FirstOrDefaultAsync(ct);

    private Task<string?> ExternalIdHolderAsync(string? externalId, PartnerId? except, CancellationToken ct) =>
        externalId is null ? Task.FromResult<string?>(null)
        : db.Partners.IgnoreQueryFilters([PartnerScopeFilter.Name]).AsNoTracking()
            .Where(p => p.ExternalId == externalId && p.ArchivedAt == null && (except == null || p.Id != except))
            .Select(p => p.Name).FirstOrDefaultAsync(ct);
}
