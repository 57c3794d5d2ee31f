using PartnerHub.Core.Deals;
using PartnerHub.Core.Programs;
using PartnerHub.Core.Partners;

namespace PartnerHub.Core.Tests.Deals;

/// <summary>Registration input and registrations with sensible defaults; tests change only what they are about.</summary>
internal static class DealBuilder
{
    public static readonly DateTimeOffset Now = new(2025, 3, 3, 9, 0, 0, TimeSpan.Zero);

    public static readonly DealRegistrationSettings Settings = new(ProtectionDays: 90, ExtensionDays: 30, MaxExtensions: 2, ManagerResponseHours: 48, CommissionHoldingDays: 45);

    public static DealRegistrationDetails Details() => new()
    {
        CustomerName = "Acme Holdings Ltd",
        CustomerDomain = "https://shop.acme.co.uk",
        ContactName = "Ada Buyer",
        ContactEmail = "ada@acme.co.uk",
        Product = "Enterprise plan",
        EstimatedValue = "61200.50",
        Currency = "GBP",
        ExpectedCloseOn = new DateOnly(2025, 6, 30),
        Notes = "Met at the London summit.",
    };

    public static DealRegistration Submitted(DateTimeOffset? at = null) =>
        DealRegistration.Submit(Details().Validate(at ?? Now).Value, PartnerId.New(), at ?? Now);

    public static DealRegistration Approved(DateTimeOffset? at = null)
    {
        var deal = Submitted(at);
        Assert.True(deal.Approve("manager@vendor.example", Settings, deal.SubmittedAt.AddHours(1)).IsSuccess);
        return deal;
    }
}
