using PartnerHub.App.Persistence;
using PartnerHub.Core.Partners;
using PartnerHub.Core.Prospects;

namespace PartnerHub.App.Prospects;

/// <summary>
/// One contact attempt with a prospect: channel, outcome, note and the next step with its due date; who logged it and
/// when. Appended, never changed: the latest attempt's next step is the prospect's open follow-up.
/// </summary>
public sealed class OutreachAttempt : IVendorOnly
{
    private OutreachAttempt()
    {
    }

    public long Id { get; private set; }
    public PartnerId PartnerId { get; private set; }
    public OutreachChannel Channel { get; private set; }
    public OutreachOutcome Outcome { get; private set; }
    public string? Note { get; private set; }
    public string? NextStep { get; private set; }
    public DateOnly? NextStepDueOn { get; private set; }
    public string By { get; private set; } = "";
    public DateTimeOffset At { get; private set; }

    public static OutreachAttempt Log(PartnerId partner, OutreachChannel channel, OutreachOutcome outcome, string? note, string? nextStep, DateOnly? dueOn,
        string by, DateTimeOffset at) => new()
        {
            PartnerId = partner, Channel = channel, Outcome = outcome, Note = note, NextStep = nextStep, NextStepDueOn = dueOn, By = by, At = at,
        };
}
