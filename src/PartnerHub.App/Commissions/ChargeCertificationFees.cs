using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PartnerHub.App.Common;
using PartnerHub.App.Facts;
using PartnerHub.App.Ledger;
using PartnerHub.App.Persistence;
using PartnerHub.Core.Common;
using PartnerHub.Core.Ledger;

namespace PartnerHub.App.Commissions;

/// <summary>
/// Charges the certification fee of every certification award not charged yet, to the partners the fee model applies
/// to (<see cref="CommissionCalculator.CertificationFee"/>): a receivable from the partner, dated the award date, under
/// <c>certification-fee:{award}</c>, so an award is charged once however often this runs. Run by the hourly commission
/// job and after a certification import; the amount is the fee of the program version in force on the award date.
/// </summary>
public sealed class ChargeCertificationFees(PartnerHubDb db, CommissionInputs inputs, PostTransaction post)
{
    public const string Prefix = "certification-fee:";

    /// <summary>How many fees were charged.</summary>
    public async Task<Result<int>> HandleAsync(CancellationToken ct)
    {
        if (Access.VendorOnly(db.Actor, "charge certification fees") is { } denied) return denied;
        var charged = (await db.LedgerTransactions.AsNoTracking().Where(t => t.SourceKey.StartsWith(Prefix)).Select(t => t.SourceKey).ToListAsync(ct))
            .ToHashSet(StringComparer.Ordinal);
        var awards = await db.Set<CertificationAwardRecord>().AsNoTracking().OrderBy(a => a.Id).ToListAsync(ct);
        var now = db.Clock.GetUtcNow();
        var count = 0;
        foreach (var award in awards)
        {
            if (charged.Contains(Key(award))) continue;
            var posted = await ChargeAsync(award, now, ct);
            if (!posted.IsSuccess) return posted.Error;
            if (posted.Value) count++;
        }

        return count;
    }

    public static string Key(CertificationAwardRecord award) => Prefix + award.Id.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Charges one award's fee, if the fee model applies to the partner; true when this call posted it. Also called the
    /// moment PartnerHub awards a certification itself, under the same key, so the hourly run finds it charged.
    /// </summary>
    public async Task<Result<bool>> ChargeAsync(CertificationAwardRecord award, DateTimeOffset now, CancellationToken ct)
    {
        if (Access.VendorOnly(db.Actor, "charge certification fees") is { } denied) return denied;
        if (await inputs.PartnerAsync(award.PartnerId, ct) is not { } partner) return false;
        var published = await inputs.ProgramAtAsync(award.AwardedOn, ct);
        if (CommissionCalculator.CertificationFee(published.Program, published.Label, partner.Partner, award.Level, award.AwardedOn) is not { } fee) return false;
        var levelName = published.Program.FindLevel(award.Level)?.Name ?? award.Level;
        var charge = CertificationFees.Charge(Key(award), award.PartnerId, fee.Fee, levelName, fee.Explanation, award.AwardedOn, now);
        if (!charge.IsSuccess) return charge.Error;
        var posted = await post.HandleAsync(charge.Value, ct);
        if (!posted.IsSuccess) return posted.Error;
        return posted.Value.Created;
    }
}
