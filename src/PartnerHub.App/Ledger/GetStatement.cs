using Microsoft.EntityFrameworkCore;
using PartnerHub.App.Persistence;
using PartnerHub.Core.Common;

namespace PartnerHub.App.Ledger;

/// <summary>One issued statement with every line, exactly as issued. A partner user reads only its own; any other is not found.</summary>
public sealed class GetStatement(PartnerHubDb db)
{
    public async Task<Result<StatementView>> HandleAsync(StatementId id, CancellationToken ct)
    {
        var statement = await db.Statements.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (statement is null) return Error.NotFound("Statement", id);
        var lines = await db.StatementLines.AsNoTracking().Where(l => l.StatementId == id).ToListAsync(ct);
        return new StatementView(statement.Id.Value, statement.Sequence, statement.IsAdjusting, statement.IssuedAt, statement.IssuedBy, statement.ToStatement(lines));
    }
}
