using PartnerHub.Core.Partners;

namespace PartnerHub.Core.Tests.Partners;

public sealed class WebDomainTests
{
    [Theory]
    [InlineData("example.com", "example.com")]
    [InlineData("https://WWW.Example.com/about?x=1", "example.com")]
    [InlineData("http://shop.example.co.uk:8080/", "shop.example.co.uk")]
    [InlineData("Example.COM.", "example.com")]
    [InlineData("bücher.de", "xn--bcher-kva.de")]
    public void Normalize_produces_one_canonical_form(string input, string expected) =>
        Assert.Equal(expected, WebDomain.Normalize(input).Value);

    [Theory]
    [InlineData("")]
    [InlineData("localhost")]
    [InlineData("exa mple.com")]
    [InlineData("10.0.0.1")]
    [InlineData("-bad-.com\u0000")]
    public void Normalize_refuses_what_is_not_a_domain(string input)
    {
        var result = WebDomain.Normalize(input);
        Assert.False(result.IsSuccess);
        Assert.Contains("domain", result.Error!.Fields!.Keys);
    }
}
