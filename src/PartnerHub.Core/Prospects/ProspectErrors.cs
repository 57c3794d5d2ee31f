using PartnerHub.Core.Common;
using PartnerHub.Core.Partners;

namespace PartnerHub.Core.Prospects;

public static class ProspectErrors
{
    public static Error NoQualificationCriteria(string programVersion) =>
        Error.Conflict("no_qualification_criteria", $"The program in force ({programVersion}) has no qualification section; publish a version that defines one.");

    public static Error NotAProspect(LifecycleStage stage) =>
        Error.Conflict("not_a_prospect", $"Only prospects, qualified and churned partners are assessed and contacted for qualification; this partner is {stage.Key()}. An active partner can be assessed for another category.");

    public static Error OtherCategoryNeedsActive(string ownCategory, LifecycleStage stage) =>
        Error.Validation("category", $"Only an active partner is assessed for another category (expansion); this partner is {stage.Key()} and is assessed for its own category, {ownCategory}.");

    public static Error BelowThreshold(FitScore fit) =>
        Error.Validation("override", $"The latest assessment does not pass: {fit.Explanation} Qualify with an override and a reason, or assess again.");

    public static Error NotAssessed() =>
        Error.Validation("override", "The partner has no opportunity assessment yet. Assess it first, or qualify with an override and a reason.");

    public static Error ReasonRequired(string what) => Error.Validation("reason", $"Give a reason {what}.");
}
