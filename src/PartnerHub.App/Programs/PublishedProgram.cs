using PartnerHub.Core.Programs;

namespace PartnerHub.App.Programs;

/// <summary>A parsed program version: what the engine evaluates with, and the label every evaluation names.</summary>
public sealed record PublishedProgram(int Number, DateOnly EffectiveFrom, PartnerProgram Program, string Yaml, DateTimeOffset PublishedAt, string PublishedBy)
{
    /// <summary>"v3"; an unpublished candidate (number 0) in a what-if is "candidate".</summary>
    public string Label => Number == 0 ? "candidate" : $"v{Number}";
}
