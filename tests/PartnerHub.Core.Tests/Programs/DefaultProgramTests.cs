using PartnerHub.Core.Programs;

namespace PartnerHub.Core.Tests.Programs;

public sealed class DefaultProgramTests
{
    [Fact]
    public void Default_program_parses_without_problems()
    {
        var result = ProgramFile.Parse(DefaultProgram.Yaml, "default.yaml");
        Assert.Empty(result.Problems.Select(p => p.ToString()));
        Assert.True(result.IsValid);
    }
}
