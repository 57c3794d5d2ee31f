using PartnerHub.Core.Programs;

namespace PartnerHub.Core.Training;

/// <summary>A certificate's validity and renewal window, from the level it certifies.</summary>
public static class CertificateRules
{
    /// <summary>The last day is the day before this: an award on 15 March valid 12 months runs to 14 March next year.</summary>
    public static DateOnly ExpiresOn(CertificationLevel level, DateOnly awardedOn) => awardedOn.AddMonths(level.ValidityMonths);

    /// <summary>From this day on, a reminder asks the partner to renew before <see cref="ExpiresOn"/>.</summary>
    public static DateOnly RenewalOpensOn(CertificationLevel level, DateOnly expiresOn) => expiresOn.AddDays(-level.RenewalWindowDays);

    public static bool InRenewalWindow(CertificationLevel level, DateOnly expiresOn, DateOnly today) =>
        today >= RenewalOpensOn(level, expiresOn) && today < expiresOn;
}
