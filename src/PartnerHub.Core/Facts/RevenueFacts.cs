namespace PartnerHub.Core.Facts;

/// <summary>What happened to money attributed to the partner. Refunds and chargebacks reduce revenue on their own date.</summary>
public enum RevenueKind : byte
{
    Booking,
    Invoice,
    Payment,
    Refund,
    Chargeback,
}

/// <summary>
/// One revenue event on a business date. <see cref="AmountMinor"/> is a magnitude in the program currency's minor units:
/// its sign is ignored and the kind gives the direction. <see cref="CustomerId"/> (0 = unknown) feeds customer retention.
/// </summary>
public readonly record struct RevenueEvent(RevenueKind Kind, DateOnly Date, long AmountMinor, int CustomerId = 0);

public enum DealOutcome : byte
{
    Open,
    Won,
    Lost,
}

/// <summary>A registered deal: when registered, when closed (null while open), how it ended and its amount in minor units.</summary>
public readonly record struct DealFact(DateOnly RegisteredOn, DateOnly? ClosedOn, DealOutcome Outcome, long AmountMinor);

/// <summary>The company's total revenue in one calendar month, for the partners' share of company revenue.</summary>
public readonly record struct CompanyMonth(int Year, int Month, long RevenueMinor);
