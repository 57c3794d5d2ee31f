using Microsoft.EntityFrameworkCore;
using PartnerHub.App.Facts;
using PartnerHub.App.Persistence;
using PartnerHub.App.Programs;
using PartnerHub.Core.Common;
using PartnerHub.Core.Evaluation;
using PartnerHub.Core.Partners;
using PartnerHub.Core.Programs;

namespace PartnerHub.App.Standing;

/// <summary>
/// Where a partner stands on a date (today when none is given), evaluated with the program version in force on that
/// date. A partner user reaches only their own partner: any other id is not found, exactly like an id that does not exist.
/// </summary>
public sealed class GetStanding(PartnerHubDb db, ProgramStore programs, FactStore facts)
{
    /// <summary>
    /// KPIs built on the vendor's own numbers (company revenue, program costs). Partner users get every other KPI
    /// of their standing, but these would tell them the vendor's revenue and spending.
    /// </summary>
    public static readonly IReadOnlySet<string> VendorOnlyKpis =
        new HashSet<string>([KpiKeys.RevenueShare, KpiKeys.PartnershipRoi, KpiKeys.PartnershipEfficiency, KpiKeys.PartnershipImpact], StringComparer.Ordinal);

    public async Task<Result<StandingView>> HandleAsync(PartnerId id, DateOnly? asOf, CancellationToken ct)
    {
        var date = asOf ?? programs.Today;
        var program = await programs.AtAsync(date, ct);
        var partnerFacts = await facts.ForPartnerAsync(id, program.Program.Currency, ct); // not found outside the actor's scope
        if (!partnerFacts.IsSuccess) return partnerFacts.Error;
        var name = await db.Partners.AsNoTracking().Where(p => p.Id == id).Select(p => p.Name).FirstAsync(ct);
        var company = await facts.CompanyRevenueAsync(program.Program.Currency, ct);
        var standing = Evaluator.Evaluate(program.Program, program.Label, partnerFacts.Value, date, company);
        var view = StandingView.From(standing, name, program.Program, program.EffectiveFrom, partnerFacts.Value.PartnershipStart, partnerFacts.Value.PartnershipEnd);
        return db.Actor.PartnerScope is null ? view : view with { Kpis = view.Kpis.Where(k => !VendorOnlyKpis.Contains(k.Key)).ToList() };
    }

    /// <summary>Parses an as-of date from a query string or option ("2026-03-31"); none means today.</summary>
    public static Result<DateOnly?> ParseAsOf(string? text, string field = "asOf")
    {
        if (string.IsNullOrWhiteSpace(text)) return (DateOnly?)null;
        return DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date)
            ? date
            : Error.Validation(field, $"'{text}' is not a date like 2026-03-31.");
    }
}
