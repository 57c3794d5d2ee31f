using Microsoft.EntityFrameworkCore;
using PartnerHub.App.Common;
using PartnerHub.App.Ledger;
using PartnerHub.App.Partners;
using PartnerHub.App.Persistence;
using PartnerHub.App.Standing;
using PartnerHub.Core.Common;
using PartnerHub.Core.Deals;
using PartnerHub.Core.Partners;
using PartnerHub.Core.Programs;

namespace PartnerHub.App.Relationships;

/// <summary>The two ways a partnership ends: churned (it may be won back) or terminated (final).</summary>
public static class PartnerExits
{
    public static readonly IReadOnlyList<LifecycleStage> Stages = [LifecycleStage.Churned, LifecycleStage.Terminated];

    public static Result<LifecycleStage> Parse(string? text, string field = "to") =>
        Lifecycle.TryParse(text, out var stage) && Stages.Contains(stage)
            ? stage
            : Error.Validation(field, $"'{text}' is not a way to end a partnership; use churned or terminated.");
}

public sealed record OpenDeal(Guid Id, string CustomerName, string Status, string EstimatedValue, DateTimeOffset? ProtectedUntil);

public sealed record BalanceLine(string Currency, string Held, string Payable, string Receivable, string NetOwed);

/// <summary>
/// What ending a partnership leaves open, shown before it is confirmed: registrations still holding a customer, money
/// held or payable, the certification level held. <see cref="Refusal"/> says why the lifecycle forbids the move, if it does.
/// </summary>
public sealed record ExitPreview(Guid PartnerId, string PartnerName, string Stage, string To, bool Allowed, string? Refusal,
    IReadOnlyList<OpenDeal> OpenDeals, IReadOnlyList<BalanceLine> Balances, string? Certification, DateOnly? CertificationExpiresOn,
    string? CertificationNote, int Version);

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

/// <summary>
/// Churns or terminates a partner: a reason is required, the lifecycle must allow the move, and the caller must name
/// the version it previewed. Only the stage moves (audited, with the reason); deals, ledger and certifications are left
/// exactly as they are, so nothing owed is lost and a won-back partner picks up where it was.
/// </summary>
public sealed class EndPartnership(PartnerHubDb db)
{
    public async Task<Result<PartnerView>> HandleAsync(PartnerId id, LifecycleStage to, string? reason, int expectedVersion, CancellationToken ct)
    {
        if (Access.VendorOnly(db.Actor, "end partnerships") is { } denied) return denied;
        if (!PartnerExits.Stages.Contains(to)) return Error.Validation("to", $"{to.Key()} does not end a partnership; use churned or terminated.");
        var errors = new FieldErrors();
        var why = Text.Line(errors, "reason", reason, 2000, required: true);
        if (errors.Any) return errors.ToError();

        var partner = await db.Partners.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (partner is null) return PartnerErrors.NotFound(id);
        if (partner.IsArchived) return PartnerErrors.Archived(id);
        if (expectedVersion != partner.Version) return PartnerErrors.StaleVersion(id, expectedVersion, partner.Version);
        var moved = partner.MoveTo(to, why, db.Clock.GetUtcNow());
        if (!moved.IsSuccess) return moved.Error;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return PartnerErrors.StaleVersion(id, expectedVersion, expectedVersion + 1);
        }

        return PartnerView.From(partner);
    }
}
