namespace PartnerHub.App.Webhooks;

/// <summary>The event types a subscription can ask for. <c>tier.changed</c> comes from the tier watch (<see cref="Standing.WatchTiers"/>): tiers are computed on read, so a job notices the moves.</summary>
public static class WebhookEventTypes
{
    public const string PartnerCreated = "partner.created";
    public const string PartnerChanged = "partner.changed";
    public const string PartnerStageChanged = "partner.stage_changed";
    public const string DealRegistered = "deal.registered";
    public const string DealDecided = "deal.decided";
    public const string RevenueAttributed = "revenue.attributed";
    public const string StatementClosed = "statement.closed";
    public const string PayoutPaid = "payout.paid";
    public const string CertificationAwarded = "certification.awarded";
    public const string TierChanged = "tier.changed";

    public static readonly IReadOnlyList<string> All =
        [PartnerCreated, PartnerChanged, PartnerStageChanged, DealRegistered, DealDecided, RevenueAttributed, StatementClosed, PayoutPaid, CertificationAwarded, TierChanged];
}
