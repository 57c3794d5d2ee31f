using PartnerHub.Core.Common;
using PartnerHub.Core.Partners;

namespace PartnerHub.App.Relationships;

/// <summary>The two ways a partnership ends: churned (it may be won back) or terminated (final).</summary>
public static class PartnerExits
{
    public static readonly IReadOnlyList<LifecycleStage> Stages = [LifecycleStage.Churned, LifecycleStage.Terminated];

    public static Result<LifecycleStage> Parse(string? text, string field = "to") =>
        Lifecycle.TryParse(text, out var stage) && Stages.Contains(stage)
            ? stage
            : Error.Validation(field, $"'{text}' is not a way to end a partnership; use churned or terminated.");
}

public sealed record OpenDeal(Guid Id, string CustomerName, string Status, string EstimatedValue, DateTimeOffset? ProtectedUntil);

public sealed record BalanceLine(string Currency, string Held, string Payable, string Receivable, string NetOwed);

/// <summary>
/// What ending a partnership leaves open, shown before it is confirmed: registrations still holding a customer, money
/// held or payable, the certification level held. <see cref="Refusal"/> says why the lifecycle forbids the move, if it does.
/// </summary>
public sealed record ExitPreview(Guid PartnerId, string PartnerName, string Stage, string To, bool Allowed, string? Refusal,
    IReadOnlyList<OpenDeal> OpenDeals, IReadOnlyList<BalanceLine> Balances, string? Certification, DateOnly? CertificationExpiresOn,
    string? CertificationNote, int Version);
