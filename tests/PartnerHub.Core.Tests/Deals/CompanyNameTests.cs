using PartnerHub.Core.Deals;

namespace PartnerHub.Core.Tests.Deals;

public sealed class CompanyNameTests
{
    [Theory]
    [InlineData("Acme", "acme")]
    [InlineData("ACME, Inc.", "acme")]
    [InlineData("Acme Incorporated", "acme")]
    [InlineData("Acme Holdings Co., Ltd.", "acme holdings")]
    [InlineData("Acme Pty Ltd", "acme")]
    [InlineData("Acme GmbH & Co. KG", "acme")]
    [InlineData("Acme L.L.C.", "acme")]
    [InlineData("Acme S.p.A.", "acme")]
    [InlineData("Acme S. A.", "acme")]
    [InlineData("Acme A/S", "acme")]
    [InlineData("Acme AB (publ)", "acme")]
    [InlineData("Acme B.V.", "acme")]
    [InlineData("Acme S.A. de C.V.", "acme")]
    [InlineData("The Acme Corporation", "acme")]
    [InlineData("  the   ACME   company ", "acme")]
    [InlineData("Acme & Co.", "acme")]
    public void Legal_forms_case_and_leading_the_are_dropped(string input, string key) =>
        Assert.Equal(key, CompanyName.Normalize(input).Key);

    [Theory]
    [InlineData("Müller & Söhne", "muller and sohne")]
    [InlineData("Straße Werke GmbH", "strasse werke")]
    [InlineData("Société Générale S.A.", "societe generale")]
    [InlineData("Ørsted A/S", "orsted")]
    [InlineData("Łódź Logistics sp. z o.o.", "lodz logistics")]
    [InlineData("McDonald's Corp.", "mcdonalds")]
    [InlineData("Smith and Sons", "smith and sons")]
    [InlineData("Smith + Sons", "smith and sons")]
    [InlineData("Ｓｏｎｙ Corporation", "sony")]
    [InlineData("Hello—World!!  Ltd", "hello world")]
    public void Diacritics_ampersands_and_punctuation_are_folded(string input, string key) =>
        Assert.Equal(key, CompanyName.Normalize(input).Key);

    [Theory]
    [InlineData("The Company", "company")]
    [InlineData("AB", "ab")]
    [InlineData("Limited", "limited")]
    public void A_name_that_is_only_a_legal_form_keeps_its_last_word(string input, string key) =>
        Assert.Equal(key, CompanyName.Normalize(input).Key);

    [Fact]
    public void A_name_of_punctuation_only_is_empty() => Assert.True(CompanyName.Normalize("!!! ...").IsEmpty);

    [Fact]
    public void Cyrillic_look_alikes_keep_their_key_but_share_the_skeleton()
    {
        var latin = CompanyName.Normalize("Acme");
        var cyrillic = CompanyName.Normalize("\u0410\u0441\u043c\u0435"); // А с м е
        Assert.NotEqual(latin.Key, cyrillic.Key);
        Assert.Equal(latin.Skeleton, cyrillic.Skeleton);
        Assert.False(cyrillic.MixesScripts); // all Cyrillic: a real Russian spelling could look like this
    }

    [Fact]
    public void A_word_mixing_latin_and_cyrillic_is_flagged()
    {
        var spoof = CompanyName.Normalize("P\u0430ypal Inc"); // Cyrillic а in a Latin word
        Assert.True(spoof.MixesScripts);
        Assert.Equal(CompanyName.Normalize("Paypal").Skeleton, spoof.Skeleton);
    }

    [Theory]
    [InlineData("Micr0soft", "Microsoft")]
    [InlineData("App1e", "Apple")]
    [InlineData("Cornerstone", "Comerstone")]
    [InlineData("Micro Soft", "Microsoft")]
    [InlineData("\u0391\u039a\u039c\u0395 Ltd", "AKME")] // Greek capitals
    [InlineData("Acme \u0406nc", "Acme")] // Cyrillic І in the legal form is still a legal form
    public void Look_alike_digits_letters_and_spacing_share_a_skeleton(string a, string b) =>
        Assert.Equal(CompanyName.Normalize(a).Skeleton, CompanyName.Normalize(b).Skeleton);

    [Theory]
    [InlineData("acme systems", "acme sistems", true)]
    [InlineData("salesforce", "salesforse", true)]
    [InlineData("acme holdings", "acme holding", true)]
    [InlineData("general motors", "general mills", false)]
    [InlineData("acme", "acme robotics", false)]
    [InlineData("acme", "acne", false)]
    public void Close_names_are_those_at_or_above_the_documented_threshold(string a, string b, bool close)
    {
        var (x, y) = (CompanyName.Normalize(a).Skeleton, CompanyName.Normalize(b).Skeleton);
        Assert.Equal(close, NameSimilarity.IsClose(x, y));
        Assert.Equal(close, NameSimilarity.Similarity(x, y) >= NameSimilarity.ThresholdPercent / 100.0);
    }

    [Fact]
    public void Similarity_is_one_for_equal_names_and_symmetric()
    {
        Assert.Equal(1.0, NameSimilarity.Similarity("acme", "acme"));
        Assert.Equal(NameSimilarity.Similarity("acmesystems", "acmesistems"), NameSimilarity.Similarity("acmesistems", "acmesystems"));
        Assert.Equal(0.0, NameSimilarity.Similarity("", ""));
    }
}
