using CsCheck;
using PartnerHub.Core.Common;

namespace PartnerHub.Core.Tests.Common;

public sealed class MoneyTests
{
    private static readonly Currency Usd = Currency.Usd;

    [Theory]
    [InlineData(1000, "12.5", 125)]
    [InlineData(1, "50", 1)] // 0.5 cent rounds away from zero
    [InlineData(-1, "50", -1)] // and so does its refund
    [InlineData(333, "33.3333", 111)]
    public void ApplyRate_rounds_half_away_from_zero(long minor, string percent, long expected) =>
        Assert.Equal(expected, new Money(minor, Usd).ApplyRate(decimal.Parse(percent, System.Globalization.CultureInfo.InvariantCulture)).Minor);

    [Fact]
    public void Split_gives_leftover_cents_to_largest_remainders()
    {
        var parts = new Money(100, Usd).Split([1, 1, 1]);
        Assert.Equal([34L, 33L, 33L], parts.Select(p => p.Minor));
    }

    [Fact]
    public void Split_parts_always_add_up_to_the_whole() =>
        Gen.Select(Gen.Long[-1_000_000_000, 1_000_000_000], Gen.Long[0, 10_000].Array[1, 12].Where(w => w.Any(x => x > 0)))
            .Sample((minor, weights) =>
            {
                var parts = new Money(minor, Usd).Split(weights);
                Assert.Equal(minor, parts.Sum(p => p.Minor));
                Assert.All(parts, p => Assert.True(Math.Sign(p.Minor) == Math.Sign(minor) || p.Minor == 0));
            });

    [Theory]
    [InlineData("61200", 6_120_000)]
    [InlineData("0.01", 1)]
    [InlineData("-25000.00", -2_500_000)]
    public void ParseMajor_reads_decimal_amounts(string text, long minor) =>
        Assert.Equal(minor, Money.ParseMajor(text, Usd).Value.Minor);

    [Theory]
    [InlineData("1.001")]
    [InlineData("12,5")]
    [InlineData("abc")]
    public void ParseMajor_refuses_what_is_not_an_amount(string text) =>
        Assert.False(Money.ParseMajor(text, Usd).IsSuccess);

    [Fact]
    public void Adding_different_currencies_is_a_bug() =>
        Assert.Throws<InvalidOperationException>(() => new Money(1, Usd) + new Money(1, Currency.Parse("EUR").Value));
}
