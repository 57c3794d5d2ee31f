using Microsoft.Extensions.DependencyInjection;
using PartnerHub.App.Onboarding;
using PartnerHub.Tests.Standing;

namespace PartnerHub.Tests.Onboarding;

/// <summary>The demo has partners mid-onboarding with overdue steps, and launched partners so the time-to-launch KPI has figures.</summary>
public abstract class DemoOnboardingTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DemoApp
{
    [Fact]
    public async Task Demo_partners_are_mid_onboarding_with_overdue_steps_and_some_have_launched()
    {
        await using var scope = app.Scope();
        var board = await scope.ServiceProvider.GetRequiredService<GetOnboardingBoard>().HandleAsync(false, null, CancellationToken.None);
        Assert.NotEmpty(board);
        Assert.Contains(board, r => r.OverdueSteps.Count > 0);
        Assert.All(board, r => Assert.True(r.Done >= 1, $"{r.Partner} has its agreement signed"));
        var overdue = await scope.ServiceProvider.GetRequiredService<GetOnboardingBoard>().HandleAsync(true, null, CancellationToken.None);
        Assert.All(overdue, r => Assert.NotEmpty(r.OverdueSteps));

        var metrics = await scope.ServiceProvider.GetRequiredService<GetOnboardingMetrics>().HandleAsync(CancellationToken.None);
        Assert.True(metrics.Program.Launched >= 3, $"{metrics.Program.Launched} launched");
        Assert.True(metrics.Program.MedianDaysProspectToActive > metrics.Program.MedianOnboardingDays);
        Assert.True(metrics.Program.MedianOnboardingDays > 0);
        Assert.True(metrics.Categories.Count(c => c.Launched > 0) >= 2);
    }
}

public sealed class DemoOnboardingOnSqlite(SqliteDemoApp app) : DemoOnboardingTests<SqliteDemoApp>(app);

public sealed class DemoOnboardingOnPostgres(PostgresDemoApp app) : DemoOnboardingTests<PostgresDemoApp>(app);
