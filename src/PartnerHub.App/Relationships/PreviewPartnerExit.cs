using Microsoft.EntityFrameworkCore;
using PartnerHub.App.Common;
using PartnerHub.App.Ledger;
using PartnerHub.App.Persistence;
using PartnerHub.App.Standing;
using PartnerHub.Core.Common;
using PartnerHub.Core.Deals;
using PartnerHub.Core.Partners;
using PartnerHub.Core.Programs;

namespace PartnerHub.App.Relationships;

/// <summary>The preview of a churn or termination. Vendor staff only.</summary>
public sealed class PreviewPartnerExit(PartnerHubDb db, GetPartnerBalance balances, GetStanding standing)
{
    public async Task<Result<ExitPreview>> HandleAsync(PartnerId id, LifecycleStage to, CancellationToken ct)
    {
        if (Access.VendorOnly(db.Actor, "end partnerships") is { } denied) return denied;
        var partner = await db.Partners.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (partner is null) return PartnerErrors.NotFound(id);

        var refusal = partner.IsArchived ? PartnerErrors.Archived(id).Message
            : to == partner.Stage || !Lifecycle.CanMove(partner.Stage, to) ? PartnerErrors.StageNotAllowed(partner.Stage, to).Message
            : null;
        var deals = (await db.DealRegistrations.AsNoTracking()
                .Where(d => d.PartnerId == id && (d.Status == DealStatus.Submitted || d.Status == DealStatus.Approved)).ToListAsync(ct))
            .OrderBy(d => d.SubmittedAt)
            .Select(d => new OpenDeal(d.Id.Value, d.CustomerName, d.Status.Key(), Display.Money(d.EstimatedValue.Minor, d.EstimatedValue.Currency), d.ProtectedUntil))
            .ToList();
        var money = (await balances.HandleAsync(id, null, ct)).Value
            .Select(b => new BalanceLine(b.Held.Currency.Code, Show(b.Held), Show(b.Payable), Show(b.Receivable), Show(b.NetOwed))).ToList();

        var s = await standing.HandleAsync(id, null, ct);
        var (level, expires, note) = s.IsSuccess
            ? (s.Value.Certification.Held is { } held ? s.Value.LevelName(held) : null, s.Value.Certification.ExpiresOn, (string?)null)
            : (null, null, s.Error.Message);
        return new ExitPreview(id.Value, partner.Name, partner.Stage.Key(), to.Key(), refusal is null, refusal, deals, money, level, expires, note, partner.Version);
    }

    private static string Show(Money m) => Display.Money(m.Minor, m.Currency);
}
