using PartnerHub.App.Deals;
using PartnerHub.Core.Common;
using PartnerHub.Core.Deals;
using PartnerHub.Core.Partners;
using PartnerHub.Tests.Infrastructure;

namespace PartnerHub.Tests.Deals;

/// <summary>Deal registration input with sensible defaults; every call names a different customer unless told.</summary>
internal static class DealData
{
    public static DealRegistrationDetails Details(string? customer = null, string? domain = null) => new()
    {
        CustomerName = customer ?? Build.Unique("Customer ") + " Ltd",
        CustomerDomain = domain ?? Build.Unique("c") + ".com",
        ContactName = "Ada Buyer",
        ContactEmail = "ada@example.com",
        Product = "Enterprise plan",
        EstimatedValue = "61200.50",
        Currency = "USD",
        ExpectedCloseOn = DateOnly.FromDateTime(TestApp.Start.UtcDateTime).AddMonths(3),
        Notes = "Met at the summit.",
    };

    public static Task<Result<RegisterDeal.Registered>> RegisterAsync(this AppHarness app, PartnerId partner, DealRegistrationDetails details, Action<PartnerHub.App.Identity.Actor>? actAs = null) =>
        app.Run<RegisterDeal, Result<RegisterDeal.Registered>>(r => r.HandleAsync(partner, details, CancellationToken.None), actAs);

    public static async Task<DealId> RegisteredAsync(this AppHarness app, PartnerId partner, DealRegistrationDetails? details = null)
    {
        var result = await app.RegisterAsync(partner, details ?? Details());
        Assert.True(result.IsSuccess, result.Error?.Message);
        return new DealId(result.Value.Deal.Id);
    }

    public static async Task<DealId> ApprovedAsync(this AppHarness app, PartnerId partner, DealRegistrationDetails? details = null)
    {
        var id = await app.RegisteredAsync(partner, details);
        var approved = await app.Run<ApproveDeal, Result<DealView>>(a => a.HandleAsync(id, null, CancellationToken.None), As.Manager);
        Assert.True(approved.IsSuccess, approved.Error?.Message);
        return id;
    }

    public static T Ok<T>(this Result<T> result)
    {
        Assert.True(result.IsSuccess, result.Error?.Message);
        return result.Value;
    }

    public static Error Failed<T>(this Result<T> result, string code)
    {
        Assert.False(result.IsSuccess, "Expected an error " + code);
        Assert.Equal(code, result.Error.Code);
        return result.Error;
    }
}
