using System.Globalization;
using PartnerHub.Core.Common;

namespace PartnerHub.Core.Tests.Common;

public sealed class TextTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_control_character_is_exactly_a_character_of_the_Unicode_category_Cc_wherever_it_stands(bool allowLineBreaks)
    {
        for (var c = (char)0; ; c++)
        {
            var control = char.GetUnicodeCategory(c) == UnicodeCategory.Control && !(allowLineBreaks && c is '\n' or '\r' or '\t');
            Assert.True(control == Text.HasControl($"ab{c}cd", allowLineBreaks), $"U+{(int)c:X4}");
            if (c == char.MaxValue) break;
        }

        Assert.True(Text.HasControl(new string('x', 100) + "\u0085", allowLineBreaks)); // past the first vector of characters
    }

    [Theory]
    [InlineData("jana@example.com", true)]
    [InlineData("jana novak@example.com", false)]
    [InlineData("jana\u2003novak@example.com", false)] // an em space is white space too
    [InlineData("jana<@example.com", false)]
    [InlineData("jana@example.com>", false)]
    [InlineData("jana@example", false)]
    [InlineData("jana@@example.com", false)]
    public void An_email_address_has_one_at_a_dotted_domain_and_no_white_space_or_angle_brackets(string email, bool valid)
    {
        var errors = new FieldErrors();
        Text.Email(errors, "email", email);
        Assert.Equal(valid, !errors.Any);
    }
}
