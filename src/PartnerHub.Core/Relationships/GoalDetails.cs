using System.Globalization;
using PartnerHub.Core.Common;

namespace PartnerHub.Core.Relationships;

/// <summary>
/// A relationship-plan goal as a person writes it. Numbers and dates arrive as text so that a bad one is reported by
/// field name; <see cref="Validate"/> checks all of it at once.
/// </summary>
public sealed record GoalDetails
{
    public int? Year { get; init; }
    public string? Title { get; init; }

    /// <summary>Optional: the program KPI the goal is measured by (e.g. partner-revenue); the plan shows the engine's value next to the target.</summary>
    public string? Kpi { get; init; }

    /// <summary>The value to reach, in the KPI's unit (money in major units, percentages 0–100).</summary>
    public string? Target { get; init; }
    public string? TargetDate { get; init; }
    public string? Status { get; init; }
    public string? Owner { get; init; }
    public string? Notes { get; init; }

    /// <param name="kpiKeys">The KPIs the program in force defines; a goal cannot link any other.</param>
    public Result<ValidGoalDetails> Validate(IReadOnlyCollection<string> kpiKeys)
    {
        var errors = new FieldErrors();
        if (Year is not { } year) errors.Add("year", "This field is required.");
        else if (year is < 2000 or > 2100) errors.Add("year", $"{year} is not a plan year between 2000 and 2100.");
        var title = Text.Line(errors, "title", Title, 200, required: true);

        var kpi = Text.Line(errors, "kpi", Kpi, 60);
        if (kpi is not null && !kpiKeys.Contains(kpi))
            errors.Add("kpi", $"Unknown KPI '{kpi}'. The program defines: {string.Join(", ", kpiKeys)}.");

        decimal? target = null;
        var targetText = Text.Line(errors, "target", Target, 30);
        if (targetText is not null)
        {
            if (decimal.TryParse(targetText, NumberStyles.Number, CultureInfo.InvariantCulture, out var t) && t >= 0 && decimal.Round(t, 4) == t) target = t;
            else errors.Add("target", $"'{targetText}' is not a number like 100000.00 (zero or more, at most four decimals).");
        }
        else if (kpi is not null) errors.Add("target", "A goal linked to a KPI needs the value to reach.");

        DateOnly? targetDate = null;
        var dateText = Text.Line(errors, "targetDate", TargetDate, 10, required: true);
        if (dateText is not null)
        {
            if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                errors.Add("targetDate", $"'{dateText}' is not a date like 2026-12-31.");
            else if (Year is { } y && d.Year != y) errors.Add("targetDate", $"{dateText} is not in the plan year {y}.");
            else targetDate = d;
        }

        var status = GoalStatus.Open;
        if (!string.IsNullOrWhiteSpace(Status) && !GoalStatuses.TryParse(Status, out status))
            errors.Add("status", $"Unknown status '{Status}'. Use one of: {string.Join(", ", Enum.GetValues<GoalStatus>().Select(s => s.Key()))}.");
        var owner = Text.Line(errors, "owner", Owner, 200, required: true);
        var notes = Text.Block(errors, "notes", Notes, 4000);

        if (errors.Any) return errors.ToError();
        return new ValidGoalDetails(Year!.Value, title!, kpi, target, targetDate!.Value, status, owner!, notes);
    }
}

public sealed record ValidGoalDetails(int Year, string Title, string? Kpi, decimal? Target, DateOnly TargetDate, GoalStatus Status, string Owner, string? Notes);
