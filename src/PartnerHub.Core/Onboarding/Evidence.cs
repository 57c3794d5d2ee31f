using PartnerHub.Core.Programs;

namespace PartnerHub.Core.Onboarding;

/// <summary>The program file's and the API's spelling of evidence kinds and step owners.</summary>
public static class Evidence
{
    public static string Key(EvidenceKind kind) => kind switch
    {
        EvidenceKind.Document => "document",
        EvidenceKind.IntegrationCheck => "integration-check",
        EvidenceKind.Training => "training",
        EvidenceKind.Certification => "certification",
        _ => kind.ToString(),
    };

    public static string Key(StepOwner owner) => owner == StepOwner.Vendor ? "vendor" : "partner";
}
