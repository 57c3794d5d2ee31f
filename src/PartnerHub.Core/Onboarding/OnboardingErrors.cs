using PartnerHub.Core.Common;
using PartnerHub.Core.Partners;
using PartnerHub.Core.Programs;

namespace PartnerHub.Core.Onboarding;

public static class OnboardingErrors
{
    public static Error NoJourney(string category, string programVersion) =>
        Error.Conflict("no_journey", $"The program in force ({programVersion}) defines no onboarding journey for category '{category}'; publish a version that does.");

    public static Error AlreadyStarted() => Error.Conflict("onboarding_started", "Onboarding has already started for this partner.");

    public static Error NotStarted(PartnerId id) => Error.NotFound("Onboarding journey of partner", id.Value);

    public static Error UnknownStep(string key, IEnumerable<string> keys) =>
        Error.Validation("step", $"The journey has no step '{key}'; its steps are {string.Join(", ", keys)}.");

    public static Error AlreadyDone(string key) => Error.Conflict("step_done", $"Step '{key}' is already done.");

    public static Error Launched() => Error.Conflict("launched", "The journey is finished and the partner launched; its steps no longer change.");

    public static Error OtherSide(JourneyStep step) =>
        Error.Validation("step", $"Step '{step.Key}' is completed by the {Evidence.Key(step.Owner)}, not by you.");

    public static Error CompletesFromFacts(JourneyStep step) =>
        Error.Validation("evidence", $"Step '{step.Key}' completes itself when the {Evidence.Key(step.Evidence)} fact '{step.Reference}' is recorded; it takes no evidence by hand.");

    public static Error WrongEvidence(JourneyStep step, string given) =>
        Error.Validation("evidence", $"Step '{step.Key}' needs {Describe(step.Evidence)}, not {given}.");

    public static Error NoteRequired(JourneyStep step) => Error.Validation("note", $"Step '{step.Key}' is an integration check: say what was checked in a note.");

    public static Error FileTooBig(long size, long max) =>
        Error.Validation("file", $"The file is {size:N0} bytes; the program allows at most {max:N0}.");

    public static Error FileType(string? type, IReadOnlyList<string> allowed) =>
        Error.Validation("file", $"Files of type '{type ?? "unknown"}' are not allowed; upload one of {string.Join(", ", allowed)}.");

    public static Error EmptyFile() => Error.Validation("file", "The file is empty.");

    public static Error StepsOpen(string last, IEnumerable<string> open) =>
        Error.Validation("step", $"Step '{last}' launches the partner, so it comes last; still open: {string.Join(", ", open)}.");

    public static Error NoEvidence(string key) => Error.NotFound("Evidence of step", key);

    private static string Describe(EvidenceKind kind) => kind switch
    {
        EvidenceKind.Document => "a document upload (multipart form with a 'file')",
        EvidenceKind.IntegrationCheck => "an integration check with a note",
        _ => Evidence.Key(kind),
    };
}
