using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PartnerHub.App.Persistence;
using PartnerHub.Core.Common;
using PartnerHub.Core.Ledger;
using PartnerHub.Core.Partners;

namespace PartnerHub.App.Commissions;

/// <summary>One line of a partner's commission activity, as the partner sees it: positive is owed to the partner.</summary>
public sealed record CommissionActivity(DateOnly OccurredOn, DateTimeOffset PostedAt, string Kind, string? RevenueModel, long AmountMinor, string Amount,
    string Currency, decimal? Percent, string? Tier, string? ProgramVersion, string Explanation);

/// <summary>
/// A partner's latest accruals, clawbacks, certification fees and paid MDF claims, newest first, each with its explanation: what the
/// portal and the partner page show before a statement is issued. Through the partner scope, so a partner user only
/// ever reads its own.
/// </summary>
public sealed class ListCommissionActivity(PartnerHubDb db)
{
    public async Task<IReadOnlyList<CommissionActivity>> HandleAsync(PartnerId partner, int take, CancellationToken ct)
    {
        var lines = await db.LedgerEntries.AsNoTracking()
            .Where(e => e.PartnerId == partner
                && ((e.Kind == LedgerTransactionKind.Accrual && e.Account == LedgerAccount.CommissionHeld)
                    || (e.Kind == LedgerTransactionKind.Clawback && (e.Account == LedgerAccount.CommissionHeld || e.Account == LedgerAccount.CommissionPayable))
                    || (e.Kind == LedgerTransactionKind.CertificationFee && e.Account == LedgerAccount.CertificationFeesReceivable)
                    || (e.Kind == LedgerTransactionKind.MdfClaim && e.Account == LedgerAccount.CommissionPayable)))
            .OrderByDescending(e => e.PostedAt).ThenByDescending(e => e.OccurredOn).Take(Math.Clamp(take, 1, 500)).ToListAsync(ct);
        return lines.Select(e =>
        {
            var owed = -e.AmountMinor; // credits to the partner are negative lines
            var basis = e.Basis;
            return new CommissionActivity(e.OccurredOn, e.PostedAt, e.Kind switch
                {
                    LedgerTransactionKind.Accrual => "accrual",
                    LedgerTransactionKind.Clawback => "clawback",
                    LedgerTransactionKind.MdfClaim => "mdf claim",
                    _ => "certification fee",
                }, basis?.RevenueModel, owed, new Money(owed, e.Currency).ToMajor().ToString(CultureInfo.InvariantCulture), e.Currency.Code,
                basis?.Percent, basis?.Tier, basis?.ProgramVersion, basis?.Explanation ?? e.Explanation);
        }).ToList();
    }
}
