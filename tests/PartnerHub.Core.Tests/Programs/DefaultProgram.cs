using PartnerHub.Core.Programs;

namespace PartnerHub.Core.Tests.Programs;

/// <summary>The shipped programs/default.yaml, parsed once for all tests.</summary>
internal static class DefaultProgram
{
    public static readonly string Yaml = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "programs", "default.yaml"));

    private static readonly Lazy<PartnerProgram> Parsed = new(() =>
    {
        var result = ProgramFile.Parse(Yaml, "default.yaml");
        return result.Program ?? throw new InvalidOperationException(string.Join(Environment.NewLine, result.Problems));
    });

    public static PartnerProgram Program => Parsed.Value;

    /// <summary>The default file with one exact piece of text replaced, failing loudly if the text is not there.</summary>
    public static string With(string find, string replace)
    {
        Assert.Contains(find, Yaml, StringComparison.Ordinal);
        var at = Yaml.IndexOf(find, StringComparison.Ordinal);
        return string.Concat(Yaml.AsSpan(0, at), replace, Yaml.AsSpan(at + find.Length));
    }
}
