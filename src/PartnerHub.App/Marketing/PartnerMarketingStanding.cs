using Microsoft.EntityFrameworkCore;
using PartnerHub.App.Facts;
using PartnerHub.App.Persistence;
using PartnerHub.App.Programs;
using PartnerHub.Core.Common;
using PartnerHub.Core.Evaluation;
using PartnerHub.Core.Partners;
using PartnerHub.Core.Programs;

namespace PartnerHub.App.Marketing;

/// <summary>What marketing needs of a partner on a date: its category, the tier it holds and its trailing-12-month revenue.</summary>
public sealed record MarketingStanding(PartnerId Partner, string Name, string Category, string Tier, string TierName, Money TrailingRevenue,
    PublishedProgram Program);

/// <summary>
/// Reads a partner's held tier and trailing revenue through the evaluation engine, exactly as its standing shows them,
/// with the program version in force on the date. A partner without a partnership start (a prospect) holds no tier.
/// </summary>
public sealed class PartnerMarketingStandings(PartnerHubDb db, ProgramStore programs, FactStore facts)
{
    public async Task<Result<MarketingStanding>> AtAsync(PartnerId id, DateOnly date, CancellationToken ct)
    {
        var partner = await db.Partners.AsNoTracking().Where(p => p.Id == id).Select(p => new { p.Name, p.Category }).FirstOrDefaultAsync(ct);
        if (partner is null) return PartnerErrors.NotFound(id);
        var program = await programs.AtAsync(date, ct);
        var zero = Money.Zero(program.Program.Currency);
        var partnerFacts = await facts.ForPartnerAsync(id, program.Program.Currency, ct);
        if (!partnerFacts.IsSuccess) return new MarketingStanding(id, partner.Name, partner.Category, "", "no tier", zero, program);
        var company = await facts.CompanyRevenueAsync(program.Program.Currency, ct);
        var standing = Evaluator.Evaluate(program.Program, program.Label, partnerFacts.Value, date, company);
        var tier = standing.Tier.Held;
        var name = program.Program.FindTier(tier) is { } t ? Display.TierName(t) : tier;
        return new MarketingStanding(id, partner.Name, partner.Category, tier, name, new Money(standing.Summary.RevenueMinor, program.Program.Currency), program);
    }
}
