using System.Globalization;

namespace PartnerHub.Core.Programs.Yaml;

/// <summary>Reads typed values from scalar nodes, reporting "expected X, found Y" at the value's position.</summary>
internal static class Values
{
    public static string? Text(ProblemSink sink, YNode node)
    {
        if (node is YScalar { IsNull: false } s)
        {
            if (s.Value.Length > 2000) { sink.Add(node, $"{node.Path}: at most 2,000 characters."); return null; }
            return s.Value;
        }

        sink.Add(node, $"{node.Path}: expected text, found {node.Describe()}.");
        return null;
    }

    /// <summary>A key of something the program defines: lower-case words joined by hyphens ("ai-ml-platforms").</summary>
    public static bool IsKey(string text) =>
        text.Length is > 0 and <= 60 && text[0] != '-' && text[^1] != '-' && !text.Contains("--", StringComparison.Ordinal)
        && text.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');

    public static int? Int(ProblemSink sink, YNode node, int min, int max)
    {
        if (node is YScalar { Plain: true } s && int.TryParse(s.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            if (value >= min && value <= max) return value;
            sink.Add(node, string.Create(CultureInfo.InvariantCulture, $"{node.Path}: {value} is out of range; expected {min} to {max}."));
            return null;
        }

        sink.Add(node, string.Create(CultureInfo.InvariantCulture, $"{node.Path}: expected a whole number from {min} to {max}, found {node.Describe()}{Unquote(node)}."));
        return null;
    }

    public static decimal? Decimal(ProblemSink sink, YNode node, decimal min, decimal max, int decimals, string what)
    {
        if (node is YScalar { Plain: true } s
            && decimal.TryParse(s.Value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            if (value < min || value > max)
                sink.Add(node, string.Create(CultureInfo.InvariantCulture, $"{node.Path}: {value} is out of range; expected {what} from {min} to {max}."));
            else if (decimal.Round(value, decimals) != value)
                sink.Add(node, string.Create(CultureInfo.InvariantCulture, $"{node.Path}: {value} has more than {decimals} decimal places."));
            else return value;
            return null;
        }

        sink.Add(node, $"{node.Path}: expected {what}, found {node.Describe()}{Unquote(node)}.");
        return null;
    }

    /// <summary>A hint for a number written in quotes, which YAML reads as text.</summary>
    private static string Unquote(YNode node) =>
        node is YScalar { Plain: false } s && decimal.TryParse(s.Value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _)
            ? $" in quotes; write {s.Value} without quotes"
            : "";

    public static decimal? Percent(ProblemSink sink, YNode node) => Decimal(sink, node, 0, 100, 4, "a percentage (0 to 100)");

    /// <summary>A major-unit amount ("100000.01") in minor units of a currency with <paramref name="exponent"/> decimals.</summary>
    public static long? Money(ProblemSink sink, YNode node, int exponent)
    {
        var major = Decimal(sink, node, 0, 1_000_000_000_000m, exponent, $"an amount like 1234.{new string('5', exponent)}");
        if (major is not { } m) return null;
        var factor = 1m;
        for (var i = 0; i < exponent; i++) factor *= 10;
        return (long)(m * factor);
    }

    public static bool? Bool(ProblemSink sink, YNode node)
    {
        if (node is YScalar { Plain: true } s)
        {
            if (s.Value is "true" or "True" or "TRUE") return true;
            if (s.Value is "false" or "False" or "FALSE") return false;
        }

        sink.Add(node, $"{node.Path}: expected true or false, found {node.Describe()}.");
        return null;
    }

    public static DateOnly? Date(ProblemSink sink, YNode node)
    {
        if (node is YScalar s && DateOnly.TryParseExact(s.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return date;
        sink.Add(node, $"{node.Path}: expected a date like 2026-01-31, found {node.Describe()}.");
        return null;
    }
}
