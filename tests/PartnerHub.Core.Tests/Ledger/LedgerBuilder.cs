using PartnerHub.Core.Common;
using PartnerHub.Core.Ledger;
using PartnerHub.Core.Partners;

namespace PartnerHub.Core.Tests.Ledger;

/// <summary>Ledger inputs with sensible defaults.</summary>
internal static class LedgerBuilder
{
    public static readonly Currency Usd = Currency.Usd;
    public static readonly DateOnly Day = new(2025, 3, 10);
    public static readonly DateTimeOffset Now = new(2025, 3, 10, 12, 0, 0, TimeSpan.Zero);
    public static readonly PartnerId Alpha = new(Guid.Parse("01950000-0000-7000-8000-0000000000a1"));
    public static readonly PartnerId Beta = new(Guid.Parse("01950000-0000-7000-8000-0000000000b2"));

    public static Money Usd_(long minor) => new(minor, Usd);

    public static AccrualBasis Basis(long baseMinor = 1_000_000, decimal percent = 10m) => AccrualBasis.Rate(
        "referral", Usd_(baseMinor), percent, "gold", "2025.1",
        $"Referral {percent}% of {Usd_(baseMinor)} at Gold tier, program 2025.1.");

    public static LedgerTransaction Accrual(PartnerId? partner = null, long baseMinor = 1_000_000, decimal percent = 10m, DateOnly? on = null) =>
        Commissions.Accrue($"deal:{Guid.NewGuid()}:referral", partner ?? Alpha, Basis(baseMinor, percent), on ?? Day, Now).Value;
}
