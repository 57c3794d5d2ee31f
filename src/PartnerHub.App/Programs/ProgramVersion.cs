using System.Security.Cryptography;
using System.Text;

namespace PartnerHub.App.Programs;

/// <summary>
/// One published version of the partner program: its YAML text exactly as published and the date from which it
/// applies. Versions are never changed or deleted (the database refuses it); a new version is how the program changes.
/// </summary>
public sealed class ProgramVersion
{
    private ProgramVersion()
    {
    }

    public int Number { get; private set; }
    public string Name { get; private set; } = "";
    public DateOnly EffectiveFrom { get; private set; }
    public string Yaml { get; private set; } = "";
    public string Sha256 { get; private set; } = "";
    public string PublishedBy { get; private set; } = "";
    public DateTimeOffset PublishedAt { get; private set; }

    public string Label => $"v{Number}";

    public static ProgramVersion Create(int number, string name, DateOnly effectiveFrom, string yaml, string publishedBy, DateTimeOffset now) => new()
    {
        Number = number, Name = name, EffectiveFrom = effectiveFrom, Yaml = yaml, Sha256 = HashOf(yaml), PublishedBy = publishedBy, PublishedAt = now,
    };

    public static string HashOf(string yaml) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(yaml)));
}
