using Microsoft.EntityFrameworkCore;
using PartnerHub.App.Persistence;
using PartnerHub.Core.Common;
using PartnerHub.Core.Ledger;
using PartnerHub.Core.Partners;

namespace PartnerHub.App.Ledger;

/// <summary>Issued statements, newest period first, optionally for one partner or period. A partner user's list holds only its own.</summary>
public sealed class ListStatements(PartnerHubDb db)
{
    public sealed record Item(Guid Id, Guid PartnerId, string Period, string Currency, int Sequence, bool Adjusting, int Lines,
        PartnerBalance Opening, PartnerBalance Closing, DateTimeOffset IssuedAt);

    public async Task<Result<IReadOnlyList<Item>>> HandleAsync(PartnerId? partner, string? period, CancellationToken ct)
    {
        var statements = db.Statements.AsNoTracking();
        if (partner is { } p) statements = statements.Where(s => s.PartnerId == p);
        if (!string.IsNullOrWhiteSpace(period))
        {
            var parsed = StatementPeriod.Parse(period);
            if (!parsed.IsSuccess) return parsed.Error;
            var key = parsed.Value.ToString();
            statements = statements.Where(s => s.Period == key);
        }

        var rows = await statements.OrderByDescending(s => s.Period).ThenBy(s => s.PartnerId).ThenBy(s => s.Currency).ThenBy(s => s.Sequence).ToListAsync(ct);
        return rows.Select(s => new Item(s.Id.Value, s.PartnerId.Value, s.Period, s.Currency.Code, s.Sequence, s.IsAdjusting, s.LineCount, s.Opening, s.Closing, s.IssuedAt))
            .ToList();
    }
}
