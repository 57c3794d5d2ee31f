using PartnerHub.Core.Deals;

namespace PartnerHub.App.Deals;

/// <summary>The program's terms for deal registration and for holding commissions before they become payable.</summary>
public sealed record DealTerms(DealRegistrationSettings Registration, int HoldingDays);

/// <summary>
/// Where the deal-registration and holding terms come from. TEMPORARY until the program model is merged: these are the
/// seed program's values, and this is the only place in the code they are written. Then this class reads them from the
/// published program version in effect (its deal-registration and commission sections) and the numbers leave the code;
/// callers already ask for them per call, so nothing else changes.
/// </summary>
public sealed class DealSettingsSource
{
    private static readonly DealTerms Seed = new(
        new DealRegistrationSettings(protectionDays: 90, extensionDays: 30, maxExtensions: 2, responseTargetHours: 48),
        HoldingDays: 30);

#pragma warning disable CA1822 // an instance method on purpose: it will read the program store
    public Task<DealTerms> CurrentAsync(CancellationToken ct) => Task.FromResult(Seed);
#pragma warning restore CA1822
}
