using PartnerHub.Core.Deals;
using static PartnerHub.Core.Tests.Deals.DealBuilder;

namespace PartnerHub.Core.Tests.Deals;

public sealed class DealRegistrationDetailsTests
{
    [Fact]
    public void Valid_input_is_normalized()
    {
        var valid = Details().Validate(Now).Value;
        Assert.Equal("Acme Holdings Ltd", valid.CustomerName);
        Assert.Equal("shop.acme.co.uk", valid.CustomerDomain.Host);
        Assert.Equal("acme.co.uk", valid.CustomerDomain.Registrable);
        Assert.Equal(6_120_050, valid.EstimatedValue.Minor);
        Assert.Equal("GBP", valid.EstimatedValue.Currency.Code);
    }

    [Fact]
    public void Every_missing_field_is_reported_at_once()
    {
        var error = new DealRegistrationDetails().Validate(Now).Error!;
        Assert.Equal(
            ["contact.email", "contact.name", "currency", "customerDomain", "customerName", "estimatedValue", "expectedCloseOn", "product"],
            error.Fields!.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("customerName", "Acme\u0000Corp")]
    [InlineData("customerName", "-.,!")]
    [InlineData("product", "Plan\nB")]
    [InlineData("contactEmail", "not-an-email")]
    [InlineData("customerDomain", "co.uk")]
    [InlineData("estimatedValue", "0")]
    [InlineData("estimatedValue", "-5")]
    [InlineData("estimatedValue", "12.345")]
    [InlineData("currency", "pounds")]
    public void A_bad_field_is_named(string input, string value)
    {
        var details = input switch
        {
            "customerName" => Details() with { CustomerName = value },
            "product" => Details() with { Product = value },
            "contactEmail" => Details() with { ContactEmail = value },
            "customerDomain" => Details() with { CustomerDomain = value },
            "estimatedValue" => Details() with { EstimatedValue = value },
            _ => Details() with { Currency = value },
        };
        var field = input == "contactEmail" ? "contact.email" : input;
        var error = details.Validate(Now).Error!;
        Assert.Equal([field], error.Fields!.Keys);
    }

    [Fact]
    public void A_name_longer_than_200_characters_is_refused() =>
        Assert.Contains("customerName", (Details() with { CustomerName = new string('a', 201) }).Validate(Now).Error!.Fields!.Keys);

    [Fact]
    public void The_close_date_may_be_today_in_UTC_but_not_yesterday()
    {
        // 23:30 on 2 March at -05:00 is already 3 March in UTC.
        var now = new DateTimeOffset(2025, 3, 2, 23, 30, 0, TimeSpan.FromHours(-5));
        Assert.True((Details() with { ExpectedCloseOn = new DateOnly(2025, 3, 3) }).Validate(now).IsSuccess);
        var error = (Details() with { ExpectedCloseOn = new DateOnly(2025, 3, 2) }).Validate(now).Error!;
        Assert.Contains("in the past", error.Fields!["expectedCloseOn"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void A_close_date_decades_ahead_is_a_typo() =>
        Assert.Contains("expectedCloseOn", (Details() with { ExpectedCloseOn = new DateOnly(2205, 1, 1) }).Validate(Now).Error!.Fields!.Keys);
}
