using PartnerHub.Core.Deals;

namespace PartnerHub.Core.Tests.Deals;

public sealed class CustomerDomainTests
{
    [Theory]
    [InlineData("acme.com", "acme.com")]
    [InlineData("https://Shop.ACME.co.uk:8443/cart?x=1", "acme.co.uk")]
    [InlineData("www.acme.co.uk", "acme.co.uk")]
    [InlineData("eu.shop.acme.com.au", "acme.com.au")]
    [InlineData("foo.github.io", "foo.github.io")]
    [InlineData("bücher.de", "xn--bcher-kva.de")]
    [InlineData("shop.bücher.de", "xn--bcher-kva.de")]
    [InlineData("acme.unknowntld", "acme.unknowntld")]
    public void Normalize_reduces_a_host_to_its_registrable_domain(string input, string registrable) =>
        Assert.Equal(registrable, CustomerDomain.Normalize(input).Value.Registrable);

    [Fact]
    public void Normalize_keeps_the_canonical_host_next_to_the_registrable_domain()
    {
        var domain = CustomerDomain.Normalize("HTTPS://www.Shop.Acme.co.uk/").Value;
        Assert.Equal("shop.acme.co.uk", domain.Host);
        Assert.Equal("acme.co.uk", domain.Registrable);
    }

    [Theory]
    [InlineData("co.uk")]
    [InlineData("github.io")]
    [InlineData("https://www.com.au/")]
    public void Normalize_refuses_a_public_suffix_on_its_own(string input)
    {
        var result = CustomerDomain.Normalize(input);
        Assert.False(result.IsSuccess);
        Assert.Contains("customerDomain", result.Error!.Fields!.Keys);
    }

    [Fact]
    public void Subdomains_of_one_customer_match_but_neighbours_under_a_shared_suffix_do_not()
    {
        string Key(string d) => CustomerDomain.Normalize(d).Value.Registrable;
        Assert.Equal(Key("shop.acme.co.uk"), Key("acme.co.uk"));
        Assert.NotEqual(Key("acme.co.uk"), Key("other.co.uk"));
        Assert.NotEqual(Key("foo.github.io"), Key("bar.github.io"));
    }

    [Theory]
    [InlineData("a.b.ck", "b.ck", "a.b.ck")] // *.ck: every second-level name is a suffix
    [InlineData("www.ck", "ck", "www.ck")] // !www.ck: the exception is registrable
    [InlineData("x.www.ck", "ck", "www.ck")]
    [InlineData("foo.bar.city.kawasaki.jp", "kawasaki.jp", "city.kawasaki.jp")]
    [InlineData("shop.acme.kawasaki.jp", "acme.kawasaki.jp", "shop.acme.kawasaki.jp")]
    [InlineData("xn--85x722f.xn--55qx5d.cn", "xn--55qx5d.cn", "xn--85x722f.xn--55qx5d.cn")] // 公司.cn is a Unicode rule
    public void Wildcard_exception_and_unicode_rules_follow_the_list_algorithm(string host, string suffix, string registrable)
    {
        Assert.Equal(suffix, PublicSuffixList.Default.PublicSuffix(host));
        Assert.Equal(registrable, PublicSuffixList.Default.RegistrableDomain(host));
    }

    [Fact]
    public void A_list_parsed_from_text_reads_comments_wildcards_and_exceptions()
    {
        var list = PublicSuffixList.Parse("// header\ncom\n*.example\n!keep.example\n\n// ===BEGIN PRIVATE DOMAINS===\nblogspot.com\n");
        Assert.Equal(4, list.RuleCount);
        Assert.Equal("me.blogspot.com", list.RegistrableDomain("a.me.blogspot.com"));
        Assert.Equal("a.b.example", list.RegistrableDomain("a.b.example"));
        Assert.Equal("keep.example", list.RegistrableDomain("x.keep.example"));
        Assert.Null(list.RegistrableDomain("blogspot.com"));
    }

    [Fact]
    public void The_embedded_list_is_the_whole_list() =>
        Assert.InRange(PublicSuffixList.Default.RuleCount, 9_000, 20_000);
}
