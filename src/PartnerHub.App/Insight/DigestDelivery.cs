using PartnerHub.App.Persistence;
using PartnerHub.Core.Insight;

namespace PartnerHub.App.Insight;

/// <summary>
/// A digest mailed to one recipient for one period: written right after the mail is handed to the server, and unique
/// per (kind, period, recipient), so a rerun of the job (or a second instance) sends nobody the same digest twice.
/// </summary>
public sealed class DigestDelivery : IVendorOnly
{
    private DigestDelivery()
    {
    }

    public long Id { get; private set; }
    public DigestKind Kind { get; private set; }
    public string Period { get; private set; } = "";
    public string Recipient { get; private set; } = "";
    public DateTimeOffset SentAt { get; private set; }

    public static DigestDelivery Record(DigestPeriod period, string recipient, DateTimeOffset at) =>
        new() { Kind = period.Kind, Period = period.Key, Recipient = recipient, SentAt = at };
}
