using System.Net;
using Microsoft.AspNetCore.Hosting;
using PartnerHub.App.Identity;
using PartnerHub.App.Persistence;
using PartnerHub.Tests.Infrastructure;
using PartnerHub.Web.Identity;

namespace PartnerHub.Tests.Identity;

/// <summary>An app with small limits, so that exceeding them is quick. Rate limiting keeps its counters in memory, so one database suffices.</summary>
public sealed class LimitedApp() : TestApp(DatabaseProvider.Sqlite)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("RateLimits:ApiPerMinute", "5");
        builder.UseSetting("RateLimits:SignInPerMinute", "3");
        builder.UseSetting("RateLimits:SignInPerAccountPer15Minutes", "100000");
    }
}

public sealed class RateLimitTests(LimitedApp app) : IClassFixture<LimitedApp>
{
    [Fact]
    public async Task The_API_answers_429_with_Retry_After_once_a_key_has_used_its_budget()
    {
        var (client, _) = await app.ApiKeyClientAsync("partners:read");
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage last = null!;
        for (var i = 0; i < 7; i++) statuses.Add((last = await client.GetAsync("/api/v1/partners", TestContext.Current.CancellationToken)).StatusCode);

        Assert.Equal(5, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        Assert.True(int.Parse(last.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) > 0);

        // Another key has its own budget.
        var (other, _) = await app.ApiKeyClientAsync("partners:read");
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/api/v1/partners", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task Sign_in_attempts_are_limited_per_address()
    {
        var user = await app.UserAsync(Roles.Finance);
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
            statuses.Add((await TestApp.PostFormAsync(client, "/account/login", "/account/login", new() { ["Email"] = user.Email!, ["Password"] = "wrong password here" })).StatusCode);
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
    }

    [Fact]
    public async Task Sign_in_attempts_are_limited_per_account_across_addresses()
    {
        var throttle = new SignInThrottle(perFifteenMinutes: 3);
        Assert.Null(await throttle.TryAttemptAsync("a@example.com", TestContext.Current.CancellationToken));
        Assert.Null(await throttle.TryAttemptAsync("A@example.com ", TestContext.Current.CancellationToken));
        Assert.Null(await throttle.TryAttemptAsync("a@example.com", TestContext.Current.CancellationToken));
        Assert.NotNull(await throttle.TryAttemptAsync("a@EXAMPLE.com", TestContext.Current.CancellationToken));
        Assert.Null(await throttle.TryAttemptAsync("b@example.com", TestContext.Current.CancellationToken));
    }
}
