using PartnerHub.App.Persistence;
using PartnerHub.App.Programs;
using PartnerHub.Core.Common;
using PartnerHub.Tests.Deals;
using PartnerHub.Tests.Infrastructure;

namespace PartnerHub.Tests.Programs;

/// <summary>The program versions' dates are kept for seconds (ADR 23): a publication is in force at once where it was made, and elsewhere within the lifetime.</summary>
public abstract class KeptProgramCalendarTests(DatabaseProvider provider)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_published_version_is_in_force_at_once_here_and_on_another_instance_within_the_calendars_lifetime()
    {
        await using var app = await AppHarness.CreateAsync(provider);
        await using var other = app.Second();
        Assert.Equal(1, await VersionTodayAsync(app));
        Assert.Equal(1, await VersionTodayAsync(other)); // both instances now keep the calendar of v1 alone

        var yaml = ProgramStore.DefaultYaml().Replace("awarding: automatic", "awarding: confirmed", StringComparison.Ordinal);
        (await app.Run<PublishProgram, Result<ProgramVersion>>(p => p.HandleAsync(yaml, "next.yaml", app.Today, Ct))).Ok();

        Assert.Equal(2, await VersionTodayAsync(app));
        Assert.Equal(1, await VersionTodayAsync(other));
        app.Clock.Advance(KeptProgramCalendar.Lifetime);
        Assert.Equal(2, await VersionTodayAsync(other));
    }

    private static async Task<int> VersionTodayAsync(AppHarness app) => (await app.Run<ProgramStore, PublishedProgram>(s => s.CurrentAsync(Ct))).Number;
}

public sealed class KeptProgramCalendarOnSqlite() : KeptProgramCalendarTests(DatabaseProvider.Sqlite);

public sealed class KeptProgramCalendarOnPostgres() : KeptProgramCalendarTests(DatabaseProvider.Postgres);
