using PartnerHub.App.Programs;
using PartnerHub.Core.Programs;

namespace PartnerHub.App.Deals;

/// <summary>The program's terms for deal registration and for holding commissions, and the version they come from.</summary>
public sealed record DealTerms(DealRegistrationSettings Registration, int ProgramVersion)
{
    /// <summary>Days an accrual is held before it becomes payable.</summary>
    public int HoldingDays => Registration.CommissionHoldingDays;
}

/// <summary>
/// Where the deal-registration and holding terms come from: the <c>dealRegistration</c> section of the published program
/// version in force (<see cref="ProgramStore.AtAsync"/>). No number is written in code; publishing a new version with
/// other terms changes them from its effective date. Callers ask per call, so a long-running job follows a new version.
/// </summary>
public sealed class DealSettingsSource(ProgramStore programs)
{
    /// <summary>The terms in force today.</summary>
    public Task<DealTerms> CurrentAsync(CancellationToken ct) => AtAsync(programs.Today, ct);

    /// <summary>The terms of the version in force on <paramref name="date"/>.</summary>
    public async Task<DealTerms> AtAsync(DateOnly date, CancellationToken ct)
    {
        var published = await programs.AtAsync(date, ct);
        return new DealTerms(published.Program.DealRegistration, published.Number);
    }
}
