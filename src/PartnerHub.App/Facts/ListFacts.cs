using PartnerHub.App.Persistence;
using PartnerHub.App.Programs;
using PartnerHub.Core.Common;
using PartnerHub.Core.Partners;

namespace PartnerHub.App.Facts;

/// <summary>A page of facts of one kind as rows of the kind's CSV columns, so a listed row can be imported again unchanged.</summary>
public sealed record FactPage(string Kind, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyDictionary<string, string?>> Items, int Total, int Page, int PageSize);

public sealed record FactQuery(string Kind, PartnerId? Partner = null, DateOnly? From = null, DateOnly? To = null, int Page = 1, int PageSize = 100);

public sealed class ListFacts(PartnerHubDb db, ProgramStore programs)
{
    public const int MaxPageSize = 1000;

    public async Task<Result<FactPage>> HandleAsync(FactQuery query, CancellationToken ct)
    {
        if (FactKinds.Find(query.Kind) is not { } kind) return Error.NotFound("Fact kind", $"'{query.Kind}' (known kinds: {FactKinds.Keys})");
        var errors = new FieldErrors();
        if (query.Page < 1) errors.Add("page", "Pages count from 1.");
        if (query.PageSize is < 1 or > MaxPageSize) errors.Add("pageSize", $"From 1 to {MaxPageSize}.");
        if (errors.Any) return errors.ToError();

        var currency = (await programs.CurrentAsync(ct)).Program.Currency;
        var (total, rows) = await kind.ListAsync(db, query.Partner, query.From, query.To, (query.Page - 1) * query.PageSize, query.PageSize, currency, ct);
        var names = kind.Columns.Select(c => c.Name).ToList();
        var items = rows.Select(r => (IReadOnlyDictionary<string, string?>)names.Select((n, i) => (n, r[i])).ToDictionary(x => x.n, x => x.Item2)).ToList();
        return new FactPage(kind.Key, names, items, total, query.Page, query.PageSize);
    }
}
