using System.Globalization;
using PartnerHub.Core.Common;

namespace PartnerHub.Core.Relationships;

/// <summary>A relationship activity as a partner manager logs it; <see cref="Validate"/> checks all of it at once.</summary>
public sealed record ActivityDetails
{
    public string? Kind { get; init; }

    /// <summary>When it happened: "2026-06-12T15:00:00Z" or a date ("2026-06-12", taken as midnight UTC).</summary>
    public string? OccurredAt { get; init; }

    /// <summary>Who on the vendor side held it.</summary>
    public string? Who { get; init; }
    public IReadOnlyList<string>? Participants { get; init; }
    public string? Outcome { get; init; }
    public string? Notes { get; init; }

    /// <param name="now">Activities are logged once they happened: a time in the future is refused.</param>
    public Result<ValidActivityDetails> Validate(DateTimeOffset now)
    {
        var errors = new FieldErrors();
        var kind = ActivityKind.Note;
        if (string.IsNullOrWhiteSpace(Kind)) errors.Add("kind", "This field is required.");
        else if (!ActivityKinds.TryParse(Kind, out kind))
            errors.Add("kind", $"Unknown kind '{Kind}'. Use one of: {string.Join(", ", Enum.GetValues<ActivityKind>().Select(k => k.Key()))}.");

        DateTimeOffset? occurred = null;
        var text = Text.Line(errors, "occurredAt", OccurredAt, 40, required: true);
        if (text is not null)
        {
            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
                occurred = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            else if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)) occurred = at.ToUniversalTime();
            else errors.Add("occurredAt", $"'{text}' is not a time like 2026-06-12T15:00:00Z or a date like 2026-06-12.");
            if (occurred > now) errors.Add("occurredAt", $"{text} is in the future; log an activity once it has happened.");
        }

        var who = Text.Line(errors, "who", Who, 200, required: true);
        var participants = new List<string>();
        var given = Participants ?? [];
        if (given.Count > 50) errors.Add("participants", "At most 50 participants.");
        for (var i = 0; i < given.Count && i < 50; i++)
            if (Text.Line(errors, $"participants[{i}]", given[i], 200) is { } p) participants.Add(p);
        var outcome = Text.Line(errors, "outcome", Outcome, 500);
        var notes = Text.Block(errors, "notes", Notes, 4000);

        if (errors.Any) return errors.ToError();
        return new ValidActivityDetails(kind, occurred!.Value, who!, participants, outcome, notes);
    }
}

public sealed record ValidActivityDetails(ActivityKind Kind, DateTimeOffset OccurredAt, string Who, IReadOnlyList<string> Participants, string? Outcome, string? Notes);
