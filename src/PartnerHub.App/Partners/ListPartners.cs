using Microsoft.EntityFrameworkCore;
using PartnerHub.App.Common;
using PartnerHub.App.Persistence;
using PartnerHub.Core.Common;
using PartnerHub.Core.Partners;

namespace PartnerHub.App.Partners;

/// <summary>Filters, sort and page of the partner list. Every filter is optional; text search matches name and domain.</summary>
public sealed record PartnerQuery
{
    public static readonly string[] SortKeys = ["name", "domain", "category", "stage", "created", "updated"];

    public string? Search { get; init; }
    public string? Category { get; init; }
    public string? Subcategory { get; init; }
    public string? Stage { get; init; }
    public string? Owner { get; init; }
    public string? Tag { get; init; }
    public bool IncludeArchived { get; init; }

    /// <summary>One of <see cref="SortKeys"/>, prefixed with "-" for descending. Default: name.</summary>
    public string? Sort { get; init; }

    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 25;
}

public sealed class ListPartners(PartnerHubDb db)
{
    public async Task<Result<Page<PartnerView>>> HandleAsync(PartnerQuery query, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (query.Page < 1) errors.Add("page", "Pages start at 1.");
        if (query.PageSize is < 1 or > 500) errors.Add("pageSize", "Between 1 and 500.");
        var sort = (query.Sort ?? "name").Trim();
        var descending = sort.StartsWith('-');
        var sortKey = sort.TrimStart('-').ToLowerInvariant();
        if (!PartnerQuery.SortKeys.Contains(sortKey)) errors.Add("sort", $"Sort by one of: {string.Join(", ", PartnerQuery.SortKeys)} (prefix - for descending).");
        LifecycleStage? stage = null;
        if (!string.IsNullOrWhiteSpace(query.Stage))
        {
            if (Lifecycle.TryParse(query.Stage, out var s)) stage = s;
            else errors.Add("stage", $"Unknown stage '{query.Stage}'.");
        }

        if (errors.Any) return errors.ToError();

        var partners = db.Partners.AsNoTracking();
        if (!query.IncludeArchived) partners = partners.Where(p => p.ArchivedAt == null);
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var text = query.Search.Trim().ToLowerInvariant();
#pragma warning disable CA1304, CA1311, CA1862 // EF Core translates ToLower() to SQL lower(); culture does not apply
            partners = partners.Where(p => p.Name.ToLower().Contains(text) || p.Domain.Contains(text));
#pragma warning restore CA1304, CA1311, CA1862
        }

        if (!string.IsNullOrWhiteSpace(query.Category)) partners = partners.Where(p => p.Category == query.Category.Trim());
        if (!string.IsNullOrWhiteSpace(query.Subcategory)) partners = partners.Where(p => p.Subcategory == query.Subcategory.Trim());
        if (stage is { } st) partners = partners.Where(p => p.Stage == st);
        if (!string.IsNullOrWhiteSpace(query.Owner)) partners = partners.Where(p => p.Owner == query.Owner.Trim());
        if (!string.IsNullOrWhiteSpace(query.Tag)) partners = partners.Where(p => p.Tags.Contains(query.Tag.Trim()));

        var total = await partners.CountAsync(ct);
#pragma warning disable CA1304, CA1311, CA1862 // names sort as people read them, whatever their case
        var ordered = (sortKey, descending) switch
        {
            ("domain", false) => partners.OrderBy(p => p.Domain),
            ("domain", true) => partners.OrderByDescending(p => p.Domain),
            ("category", false) => partners.OrderBy(p => p.Category).ThenBy(p => p.Subcategory).ThenBy(p => p.Name),
            ("category", true) => partners.OrderByDescending(p => p.Category).ThenByDescending(p => p.Subcategory).ThenBy(p => p.Name),
            ("stage", false) => partners.OrderBy(p => p.Stage).ThenBy(p => p.Name),
            ("stage", true) => partners.OrderByDescending(p => p.Stage).ThenBy(p => p.Name),
            ("created", false) => partners.OrderBy(p => p.CreatedAt),
            ("created", true) => partners.OrderByDescending(p => p.CreatedAt),
            ("updated", false) => partners.OrderBy(p => p.UpdatedAt),
            ("updated", true) => partners.OrderByDescending(p => p.UpdatedAt),
            (_, true) => partners.OrderByDescending(p => p.Name.ToLower()).ThenByDescending(p => p.Name),
            _ => partners.OrderBy(p => p.Name.ToLower()).ThenBy(p => p.Name),
        };
#pragma warning restore CA1304, CA1311, CA1862
        var items = await ordered.ThenBy(p => p.Id).Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).ToListAsync(ct);
        return new Page<PartnerView>(items.Select(PartnerView.From).ToArray(), query.Page, query.PageSize, total);
    }
}
