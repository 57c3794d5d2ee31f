using PartnerHub.Core.Deals;

namespace PartnerHub.App.Deals;

/// <summary>The program's terms for deal registration and for holding commissions before they become payable.</summary>
public sealed record DealTerms(DealRegistrationSettings Registration, int HoldingDays);

/// <summary>
/// Where the deal-registration and holding terms come from. TEMPORARY: these are the values the deals brief fixed, and
/// this is the only place in the code they are written. Next, this class reads them from the published program version
/// in effect (<c>ProgramStore.AtAsync(date)</c>, its <c>dealRegistration</c> section) and the numbers leave the code;
/// callers already ask for them per call, so nothing else changes. Not switched yet because the shipped program says
/// <c>commissionHoldingDays: 45</c> where the brief says 30, and a holding period is a money decision for the lead.
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
