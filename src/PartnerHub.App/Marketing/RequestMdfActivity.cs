using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PartnerHub.App.Persistence;
using PartnerHub.App.Programs;
using PartnerHub.Core.Common;
using PartnerHub.Core.Marketing;
using PartnerHub.Core.Partners;

namespace PartnerHub.App.Marketing;

/// <summary>
/// A partner asks for funds for a co-marketing activity: kind from the program, title, proposal, planned date and the
/// budget asked, which must fit what the period still has available. A partner user asks for its own partner; vendor
/// staff may enter a request on a partner's behalf. The period's budget is fixed with the first request.
/// </summary>
public sealed class RequestMdfActivity(PartnerHubDb db, ProgramStore programs, MdfBooks books)
{
    public sealed record Input(string? Kind, string? Title, string? Proposal, string? PlannedOn, string? Amount);

    public async Task<Result<MdfActivityView>> HandleAsync(PartnerId partner, Input input, CancellationToken ct)
    {
        var name = await db.Partners.AsNoTracking().Where(p => p.Id == partner).Select(p => p.Name).FirstOrDefaultAsync(ct);
        if (name is null) return PartnerErrors.NotFound(partner);
        var published = await programs.CurrentAsync(ct);
        var program = published.Program;
        var errors = new FieldErrors();
        var kind = Text.Line(errors, "kind", input.Kind, 100, required: true);
        if (kind is not null && program.Marketing.CoMarketingActivities.All(a => a.Name != kind))
            errors.Add("kind", $"'{kind}' is not a co-marketing activity of the program; use one of {string.Join(", ", program.Marketing.CoMarketingActivities.Select(a => a.Name))}.");
        var title = Text.Line(errors, "title", input.Title, MdfActivity.MaxTitle, required: true);
        var proposal = Text.Block(errors, "proposal", input.Proposal, MdfActivity.MaxText);
        if (proposal is null) errors.Add("proposal", "Say what the activity is, who it reaches and what it should bring; this field is required.");
        var plannedOn = MdfInput.Date(errors, "plannedOn", input.PlannedOn, required: true);
        var today = programs.Today;
        if (plannedOn is { } p && p < MdfPeriod.Of(program.Marketing.Mdf.Period, today).FirstDay)
            errors.Add("plannedOn", $"{p:yyyy-MM-dd} is in a period that is over; plan the activity in the current period or later.");
        if (plannedOn is { } far && far > today.AddYears(1)) errors.Add("plannedOn", "Plan at most a year ahead.");
        var asked = MdfInput.Amount(errors, "amount", input.Amount, program.Currency);
        if (errors.Any) return errors.ToError();

        var read = await books.BudgetAsync(partner, plannedOn!.Value, create: true, ct);
        if (!read.IsSuccess) return read.Error;
        var (period, budget, _) = read.Value;
        var position = MdfBooks.Position(budget, await books.ActivitiesAsync(budget, ct));
        var fits = MdfRules.CheckAsk(position, asked!.Value, "amount", period.Label);
        if (!fits.IsSuccess) return fits.Error;

        var activity = MdfActivity.Request(partner, budget, kind!, title!, proposal!, plannedOn.Value, asked.Value, db.Actor.Name, db.Clock.GetUtcNow());
        db.Add(activity);
        budget.Touch();
        var saved = await MdfInput.SaveAsync(db, ct);
        if (!saved.IsSuccess) return saved.Error;
        return MdfBooks.View(activity, name, null);
    }
}

/// <summary>Parsing and saving shared by the MDF use cases.</summary>
internal static class MdfInput
{
    public static DateOnly? Date(FieldErrors errors, string field, string? text, bool required)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required) errors.Add(field, "This field is required (a date like 2026-11-30).");
            return null;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        errors.Add(field, $"'{text}' is not a date like 2026-11-30.");
        return null;
    }

    public static Money? Amount(FieldErrors errors, string field, string? text, Currency currency)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(field, $"This field is required (an amount in {currency.Code} like 2500.00).");
            return null;
        }

        var parsed = Money.ParseMajor(text, currency, field);
        if (!parsed.IsSuccess)
        {
            errors.Merge("", parsed.Error);
            return null;
        }

        if (parsed.Value.Minor <= 0) errors.Add(field, "Must be more than zero.");
        return parsed.Value;
    }

    /// <summary>Saves; a concurrent decision on the same period (the budget's version) or activity is a conflict to retry.</summary>
    public static async Task<Result> SaveAsync(PartnerHubDb db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return Result.Success;
        }
        catch (DbUpdateConcurrencyException)
        {
            return Error.Conflict("stale_version", "Another decision on this partner's market development funds was saved at the same time. Reload and try again.");
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            return Error.Conflict("stale_version", "This period's budget was fixed by another request at the same time. Try again.");
        }
    }
}
