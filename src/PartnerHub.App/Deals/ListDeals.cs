using Microsoft.EntityFrameworkCore;
using PartnerHub.App.Common;
using PartnerHub.App.Persistence;
using PartnerHub.Core.Common;
using PartnerHub.Core.Deals;
using PartnerHub.Core.Partners;

namespace PartnerHub.App.Deals;

/// <summary>Filters, sort and page of the registration list. A partner user's list holds only its own registrations (scope filter).</summary>
public sealed record DealQuery
{
    public static readonly string[] SortKeys = ["submitted", "customer", "status", "updated", "value"];

    public string? Status { get; init; }
    public PartnerId? PartnerId { get; init; }

    /// <summary>Matches the customer name, domain or external id.</summary>
    public string? Search { get; init; }

    /// <summary>One of <see cref="SortKeys"/>, prefixed with "-" for descending. Default: newest submission first.</summary>
    public string? Sort { get; init; }

    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 25;
}

public sealed class ListDeals(PartnerHubDb db, DealSettingsSource settings)
{
    public async Task<Result<Page<DealView>>> HandleAsync(DealQuery query, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (query.Page < 1) errors.Add("page", "Pages start at 1.");
        if (query.PageSize is < 1 or > 500) errors.Add("pageSize", "Between 1 and 500.");
        var sort = (query.Sort ?? "-submitted").Trim();
        var descending = sort.StartsWith('-');
        var sortKey = sort.TrimStart('-').ToLowerInvariant();
        if (!DealQuery.SortKeys.Contains(sortKey)) errors.Add("sort", $"Sort by one of: {string.Join(", ", DealQuery.SortKeys)} (prefix - for descending).");
        DealStatus? status = null;
        if (!string.IsNullOrWhiteSpace(query.Status))
        {
            if (Enum.TryParse<DealStatus>(query.Status.Trim(), ignoreCase: true, out var s) && Enum.IsDefined(s)) status = s;
            else errors.Add("status", $"Unknown status '{query.Status}'; one of: {string.Join(", ", Enum.GetValues<DealStatus>().Select(v => v.Key()))}.");
        }

        if (errors.Any) return errors.ToError();

        var deals = db.DealRegistrations.AsNoTracking();
        if (status is { } st) deals = deals.Where(d => d.Status == st);
        if (query.PartnerId is { } partner) deals = deals.Where(d => d.PartnerId == partner);
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var text = query.Search.Trim().ToLowerInvariant();
#pragma warning disable CA1304, CA1311, CA1862 // EF Core translates ToLower() to SQL lower(); culture does not apply
            deals = deals.Where(d => d.CustomerName.ToLower().Contains(text) || d.CustomerHost.Contains(text) || d.ExternalId == query.Search.Trim());
#pragma warning restore CA1304, CA1311, CA1862
        }

        deals = (sortKey, descending) switch
        {
            ("customer", false) => deals.OrderBy(d => d.CustomerName),
            ("customer", true) => deals.OrderByDescending(d => d.CustomerName),
            ("status", false) => deals.OrderBy(d => d.Status),
            ("status", true) => deals.OrderByDescending(d => d.Status),
            ("updated", false) => deals.OrderBy(d => d.UpdatedAt),
            ("updated", true) => deals.OrderByDescending(d => d.UpdatedAt),
            ("value", false) => deals.OrderBy(d => d.EstimatedValue.Minor),
            ("value", true) => deals.OrderByDescending(d => d.EstimatedValue.Minor),
            (_, false) => deals.OrderBy(d => d.SubmittedAt),
            _ => deals.OrderByDescending(d => d.SubmittedAt),
        };
        deals = ((IOrderedQueryable<DealRegistration>)deals).ThenBy(d => d.Id); // a stable order, so pages never overlap

        var total = await deals.CountAsync(ct);
        var page = await deals.Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).ToListAsync(ct);
        var terms = await settings.CurrentAsync(ct);
        var now = db.Clock.GetUtcNow();
        return new Page<DealView>(page.Select(d => DealView.From(d, terms.Registration, now)).ToList(), query.Page, query.PageSize, total);
    }
}
