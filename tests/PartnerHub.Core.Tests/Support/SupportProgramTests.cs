using PartnerHub.Core.Programs;
using PartnerHub.Core.Tests.Programs;

namespace PartnerHub.Core.Tests.Support;

/// <summary>The support section's targets and business hours in the program file: bad values are reported where they are.</summary>
public sealed class SupportProgramTests
{
    private static IReadOnlyList<ProgramProblem> Problems(string yaml) => ProgramFile.Parse(yaml, "program.yaml").Problems;

    private static string Only(string yaml) => Assert.Single(Problems(yaml)).ToString();

    [Fact]
    public void An_unknown_time_zone_is_reported_at_its_value()
    {
        var problem = Only(DefaultProgram.With("timeZone: America/New_York", "timeZone: Mars/Olympus"));
        Assert.Matches(@"^program\.yaml:\d+:\d+: support\.businessHours\.timeZone: 'Mars/Olympus' is not a known time zone", problem);
    }

    [Fact]
    public void Closing_before_opening_and_a_bad_time_are_reported()
    {
        Assert.Contains("closing (08:00) must be after opening (09:00)", Only(DefaultProgram.With("hours: { from: \"09:00\", to: \"17:00\" }", "hours: { from: \"09:00\", to: \"08:00\" }")));
        Assert.Contains("'9am' is not a time of day", Only(DefaultProgram.With("hours: { from: \"09:00\", to: \"17:00\" }", "hours: { from: 9am, to: \"17:00\" }")));
    }

    [Fact]
    public void An_unknown_weekday_and_a_resolution_shorter_than_the_first_response_are_reported()
    {
        Assert.Contains("'fri-day' is not a weekday", Only(DefaultProgram.With("days: [mon, tue, wed, thu, fri]", "days: [mon, tue, wed, thu, fri-day]")));
        Assert.Contains("the resolution target (2 h) is shorter than the first-response target (8 h)",
            Only(DefaultProgram.With("firstResponseHours: 8, resolutionHours: 24", "firstResponseHours: 8, resolutionHours: 2")));
    }

    [Fact]
    public void A_program_without_business_hours_runs_its_clocks_around_the_clock()
    {
        var yaml = DefaultProgram.Yaml;
        var start = yaml.IndexOf("  businessHours:", StringComparison.Ordinal);
        var end = yaml.IndexOf("\n\n", start, StringComparison.Ordinal);
        // The assumption that explains the business hours names a path that must exist, so it goes too.
        var withoutHours = yaml.Remove(start, end - start).Replace("  - path: support.businessHours\n", "  - path: support.channels\n", StringComparison.Ordinal);
        var parsed = ProgramFile.Parse(withoutHours, "program.yaml");
        Assert.Empty(parsed.Problems);
        Assert.Same(PartnerHub.Core.Support.BusinessCalendar.AlwaysOpen, parsed.Program!.Support.BusinessHours);
    }
}
