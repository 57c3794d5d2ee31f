using PartnerHub.App.Identity;
using PartnerHub.App.Insight;
using PartnerHub.App.Partners;
using PartnerHub.App.Persistence;
using PartnerHub.Core.Common;
using PartnerHub.Core.Insight;
using PartnerHub.Core.Partners;
using PartnerHub.Tests.Deals;
using PartnerHub.Tests.Infrastructure;

namespace PartnerHub.Tests.Insight;

/// <summary>
/// The managers' weekly and monthly digests through the real SMTP sender to a local SMTP server, on SQLite and
/// PostgreSQL: sent once per period and recipient, only to program administrators and partner managers, with figures
/// and links.
/// </summary>
public abstract class DigestTests(DatabaseProvider provider) : IAsyncLifetime
{
    private readonly SmtpSink _smtp = new();
    private AppHarness _app = null!;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _app = await AppHarness.CreateAsync(provider, settings: new Dictionary<string, string?>
    {
        ["Smtp:Host"] = "127.0.0.1", ["Smtp:Port"] = _smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Smtp:Ssl"] = "false",
        ["PublicUrl"] = "https://prm.example",
    });

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _smtp.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private async Task UserAsync(string email, string role, PartnerId? partner = null) =>
        (await _app.Run<CreateUser, Result<AppUser>>(u => u.HandleAsync(new NewUser(email, email, role, partner, "a-long-password-2026"), Ct))).Ok();

    private Task<int> SendAsync() => _app.Run<SendDigests, int>(u => u.HandleAsync(Ct));

    [Fact]
    public async Task Each_manager_gets_each_periods_digest_once_with_figures_and_links()
    {
        var partner = await _app.Run<SavePartner, Result<PartnerView>>(s => s.CreateAsync(Build.Partner() with { AgreementStartsOn = new DateOnly(2026, 6, 9) }, Ct));
        await UserAsync("admin@vendor.example", Roles.ProgramAdmin);
        await UserAsync("manager@vendor.example", Roles.PartnerManager);
        await UserAsync("finance@vendor.example", Roles.Finance);
        await UserAsync("user@partner.example", Roles.PartnerUser, new PartnerId(partner.Ok().Id));

        // Monday 2026-06-15: last week (2026-W24, June 8–14) and last month (May) are due.
        Assert.Equal(4, await SendAsync());
        var mails = _smtp.Received.ToList();
        Assert.Equal(["admin@vendor.example", "admin@vendor.example", "manager@vendor.example", "manager@vendor.example"], mails.Select(m => m.To).Order(StringComparer.Ordinal));
        var weekly = mails.First(m => m.Text.Contains("weekly digest 2026-W24", StringComparison.Ordinal)).Text;
        Assert.Contains("(2026-06-08 – 2026-06-14)", weekly, StringComparison.Ordinal);
        Assert.Contains("1 active partners (+1 in the period)", weekly, StringComparison.Ordinal);
        Assert.Contains("https://prm.example/expansion?asOf=2026-06-14", weekly, StringComparison.Ordinal);
        Assert.Contains(mails, m => m.Text.Contains("monthly digest 2026-05 (2026-05-01 – 2026-05-31)", StringComparison.Ordinal)
            && m.Text.Contains("0 active partners (0 in the period)", StringComparison.Ordinal));

        Assert.Equal(0, await SendAsync()); // nobody gets a period twice
        _app.Clock.Advance(TimeSpan.FromDays(6));
        Assert.Equal(0, await SendAsync()); // Sunday: the week is not over
        _app.Clock.Advance(TimeSpan.FromDays(1));
        await UserAsync("late@vendor.example", Roles.PartnerManager);
        Assert.Equal(4, await SendAsync()); // W25 for the three, and May for the manager who joined
        Assert.Equal(8, _smtp.Received.Count);

        await using var db = _app.Open();
        Assert.Equal(8, db.Set<DigestDelivery>().Count());
    }

    [Fact]
    public void Periods_are_iso_weeks_and_calendar_months_that_ended_before_the_day()
    {
        Assert.Equal(new DigestPeriod(DigestKind.Weekly, "2026-W53", new DateOnly(2026, 12, 28), new DateOnly(2027, 1, 3)),
            DigestPeriod.LatestEnded(DigestKind.Weekly, new DateOnly(2027, 1, 6)));
        Assert.Equal(new DigestPeriod(DigestKind.Weekly, "2026-W48", new DateOnly(2026, 11, 23), new DateOnly(2026, 11, 29)),
            DigestPeriod.LatestEnded(DigestKind.Weekly, new DateOnly(2026, 11, 30)));
        Assert.Equal(new DigestPeriod(DigestKind.Monthly, "2026-12", new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 31)),
            DigestPeriod.LatestEnded(DigestKind.Monthly, new DateOnly(2027, 1, 1)));
    }
}

public sealed class DigestsOnSqlite() : DigestTests(DatabaseProvider.Sqlite);

public sealed class DigestsOnPostgres() : DigestTests(DatabaseProvider.Postgres);
