using PartnerHub.Core.Programs;

namespace PartnerHub.App.Programs;

/// <summary>A parsed program version: what the engine evaluates with, and the label every evaluation names.</summary>
public sealed record PublishedProgram(int Number, DateOnly EffectiveFrom, PartnerProgram Program, string Yaml, DateTimeOffset PublishedAt, string PublishedBy)
{
    public string Label => $"v{Number}";
}
