using Microsoft.EntityFrameworkCore;
using PartnerHub.App.Common;
using PartnerHub.App.Persistence;
using PartnerHub.Core.Common;
using PartnerHub.Core.Partners;

namespace PartnerHub.App.Revenue;

/// <summary>A referral code and the partner it attributes revenue to.</summary>
public sealed record ReferralCodeView(string Code, Guid PartnerId, DateTimeOffset CreatedAt, string CreatedBy);

/// <summary>
/// Gives a partner a referral code (letters, digits, '-' and '_'; case does not matter). A code names one partner for
/// good: giving it again to the same partner changes nothing, to another partner is refused.
/// </summary>
public sealed class SaveReferralCode(PartnerHubDb db)
{
    public async Task<Result<ReferralCodeView>> HandleAsync(PartnerId partner, string? code, CancellationToken ct)
    {
        if (Access.VendorOnly(db.Actor, "manage referral codes") is { } denied) return denied;
        var errors = new FieldErrors();
        var text = Text.Line(errors, "code", code, 50, required: true);
        if (text is not null && !text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            errors.Add("code", "A referral code has letters, digits, '-' and '_' only.");
        if (errors.Any) return errors.ToError();
        if (!await db.Partners.AnyAsync(p => p.Id == partner, ct)) return PartnerErrors.NotFound(partner);

        var normalized = ReferralCodeRecord.Normalize(text!);
        var existing = await db.Set<ReferralCodeRecord>().AsNoTracking().FirstOrDefaultAsync(c => c.Code == normalized, ct);
        if (existing is not null)
            return existing.PartnerId == partner ? View(existing) : Error.Conflict("referral_code_taken", $"Referral code {normalized} already belongs to another partner.");
        var record = new ReferralCodeRecord { Code = normalized, PartnerId = partner, CreatedAt = db.Clock.GetUtcNow(), CreatedBy = db.Actor.Name };
        db.Add(record);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            return Error.Conflict("referral_code_taken", $"Referral code {normalized} was just given to a partner.");
        }

        return View(record);
    }

    internal static ReferralCodeView View(ReferralCodeRecord r) => new(r.Code, r.PartnerId.Value, r.CreatedAt, r.CreatedBy);
}

public sealed class ListReferralCodes(PartnerHubDb db)
{
    public async Task<IReadOnlyList<ReferralCodeView>> HandleAsync(PartnerId? partner, CancellationToken ct)
    {
        var codes = db.Set<ReferralCodeRecord>().AsNoTracking();
        if (partner is { } p) codes = codes.Where(c => c.PartnerId == p);
        return (await codes.OrderBy(c => c.Code).Take(1000).ToListAsync(ct)).Select(SaveReferralCode.View).ToList();
    }
}
