using Microsoft.EntityFrameworkCore;
using PartnerHub.App.Persistence;
using PartnerHub.Core.Common;
using PartnerHub.Core.Facts;
using PartnerHub.Core.Partners;

namespace PartnerHub.App.Facts;

/// <summary>
/// Builds the engine's inputs from the fact tables: one partner's <see cref="PartnerFacts"/> (a few indexed queries,
/// for a standing) or every partner's <see cref="ProgramFacts"/> (one scan per table, for program KPIs, simulation
/// and the benchmark), the latter kept in memory by <see cref="ProgramFactsCache"/> until a fact or partner changes.
/// Amounts in other currencies than the program's are left out: converting them is the ledger's job.
/// </summary>
public sealed class FactStore(PartnerHubDb db, ProgramFactsCache cache, KeptRevenueFacts keptRevenue)
{
    /// <summary>One partner's facts; not found when the partner does not exist or is outside the actor's scope.</summary>
    public async Task<Result<PartnerFacts>> ForPartnerAsync(PartnerId id, Currency currency, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct); // one connection for a dozen small reads, not one open and close each
        var terms = await PartnerFactsLoader.TermsAsync(db, id, ct);
        if (!terms.IsSuccess) return terms.Error;
        return await PartnerFactsLoader.LoadAsync(db, keptRevenue, terms.Value, currency.Code, ct);
    }

    public async Task<IReadOnlyList<CompanyMonth>> CompanyRevenueAsync(Currency currency, CancellationToken ct) =>
        await PartnerFactsLoader.CompanyRevenueAsync(db, currency.Code, ct);

    /// <summary>Every partner with a partnership start, with all their facts; served from memory while nothing changed.</summary>
    public Task<ProgramFacts> ForProgramAsync(Currency currency, CancellationToken ct) =>
        db.Actor.PartnerScope is null
            ? cache.GetAsync(db, currency.Code, ct)
            : BulkFactLoader.LoadAsync(db, currency.Code, ct); // a partner user's load holds only their own partner: never cached

    /// <summary>Loads every partner's facts from the database, bypassing the cache (for benchmarks).</summary>
    public Task<ProgramFacts> LoadProgramAsync(Currency currency, CancellationToken ct, FactLoadStats? stats = null) =>
        BulkFactLoader.LoadAsync(db, currency.Code, ct, stats);
}
