using System.Globalization;
using System.Text.RegularExpressions;
using PartnerHub.App.Ledger;
using PartnerHub.App.Persistence;
using PartnerHub.Cli;
using PartnerHub.Core.Common;
using PartnerHub.Core.Ledger;
using PartnerHub.Tests.Deals;
using PartnerHub.Tests.Infrastructure;
using static PartnerHub.Tests.Infrastructure.CliRun;

namespace PartnerHub.Tests.Cli;

/// <summary>`partnerhub deals`, `statements` and `payouts`, run in-process against a real database on today's date.</summary>
public abstract partial class FinanceCliTests(DatabaseProvider provider) : IAsyncLifetime
{
    private AppHarness _app = null!;

    // The CLI runs on the real clock, so the harness that arranges data does too.
    public async ValueTask InitializeAsync() => _app = await AppHarness.CreateAsync(provider, DateTimeOffset.UtcNow);

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private Task<(int Exit, string Out, string Err)> RunAsync(params string[] args) => CliRun.RunAsync(_app.Database, args);

    [Fact]
    public async Task Deals_import_and_list_with_exit_codes()
    {
        var partner = await _app.PartnerAsync();
        var domain = (await _app.Run<PartnerHub.App.Partners.GetPartner, Result<PartnerHub.App.Partners.PartnerView>>(g => g.HandleAsync(partner, CancellationToken.None))).Ok().Domain;
        var closeOn = _app.Today.AddMonths(2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var header = "partner_domain,customer_name,customer_domain,contact_name,contact_email,product,estimated_value,currency,expected_close_on\n";
        var good = $"{domain},Umbrella Corp,umbrella-{Build.Unique()}.com,Ada,ada@example.com,Plan,1200.00,USD,{closeOn}\n";
        var bad = $"{domain},Bad Value Inc,bad-{Build.Unique()}.com,Ada,ada@example.com,Plan,twelve,USD,{closeOn}\n";

        var dry = await RunAsync("deals", "import", TempFile(header + good), "--dry-run");
        Assert.Equal((ExitCodes.Success, ""), (dry.Exit, dry.Err));
        Assert.Contains("Dry run, nothing applied: 1 created", dry.Out);

        var strict = await RunAsync("deals", "import", TempFile(header + good + bad), "--strict");
        Assert.Equal(ExitCodes.RowsRefused, strict.Exit);
        Assert.Contains("line 3, column estimated_value:", strict.Err);
        Assert.Contains("--strict applied nothing", strict.Err);

        var imported = await RunAsync("deals", "import", TempFile(header + good + bad));
        Assert.Equal(ExitCodes.RowsRefused, imported.Exit);
        Assert.Contains("Imported 1 created", imported.Out);

        var list = await RunAsync("deals", "list", "--partner", domain, "--status", "submitted");
        Assert.Equal(ExitCodes.Success, list.Exit);
        Assert.Contains("Umbrella Corp", list.Out);
        Assert.Contains("1 registrations", list.Out);

        var wrong = await RunAsync("deals", "list", "--status", "pending");
        Assert.Equal(ExitCodes.Failure, wrong.Exit);
        Assert.Single(wrong.Err.Trim().Split('\n'));
        Assert.StartsWith("error: ", wrong.Err);
        var missing = await RunAsync("deals", "import", "/nonexistent/deals.csv");
        Assert.Equal((ExitCodes.Failure, "error: /nonexistent/deals.csv does not exist."), (missing.Exit, missing.Err.Trim()));
    }

    [Fact]
    public async Task Statements_close_and_payouts_create_cancel_export_and_mark_paid_once()
    {
        var partner = await _app.PartnerAsync();
        var earned = _app.Today.AddDays(-60); // past the program's 45-day holding period
        var basis = AccrualBasis.Rate("revenue-share", new Money(2_000_00, Currency.Usd), 10m, "preferred", "v1", "Revenue share 10% of 2,000.00.");
        var posted = await _app.Run<PostTransaction, Result<PostTransaction.Posted>>(p =>
            p.HandleAsync(Commissions.Accrue("cli:accrual", partner, basis, earned, _app.Clock.GetUtcNow()).Value, CancellationToken.None));
        posted.Ok();
        (await _app.Run<ReleaseHeldCommissions, Result<int>>(r => r.HandleAsync(CancellationToken.None))).Ok();

        var period = earned.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var close = await RunAsync("statements", "close", "--period", period);
        Assert.Equal((ExitCodes.Success, ""), (close.Exit, close.Err));
        Assert.Contains($"Closed {period}: 1 statements issued", close.Out);
        Assert.Contains($"Closed {period}: 0 statements issued, 1 already issued", (await RunAsync("statements", "close", "--period", period)).Out);
        var notOver = await RunAsync("statements", "close", "--period", _app.Today.ToString("yyyy-MM", CultureInfo.InvariantCulture));
        Assert.Equal(ExitCodes.Failure, notOver.Exit);
        Assert.Single(notOver.Err.Trim().Split('\n'));
        Assert.Equal(ExitCodes.Usage, (await RunAsync("statements", "close")).Exit);

        var high = await RunAsync("payouts", "create", "--minimum", "1000.00");
        Assert.Equal(ExitCodes.Failure, high.Exit);
        Assert.StartsWith("error: No partner has a payable USD balance", high.Err);
        var created = await RunAsync("payouts", "create", "--currency", "USD", "--minimum", "50.00");
        Assert.Equal((ExitCodes.Success, ""), (created.Exit, created.Err));
        Assert.Contains("1 partners, 200.00 USD", created.Out);
        var withdrawn = BatchId().Match(created.Out).Groups[1].Value;
        Assert.Equal(ExitCodes.Usage, (await RunAsync("payouts", "cancel", withdrawn)).Exit); // the reason is required
        var cancel = await RunAsync("payouts", "cancel", withdrawn, "--reason", "Wrong minimum");
        Assert.Equal((ExitCodes.Success, ""), (cancel.Exit, cancel.Err));
        Assert.Contains("is cancelled (Wrong minimum); its balances stay payable", cancel.Out);
        created = await RunAsync("payouts", "create", "--currency", "USD", "--minimum", "50.00"); // the slot is free again
        Assert.Contains("1 partners, 200.00 USD", created.Out);
        var batch = BatchId().Match(created.Out).Groups[1].Value;
        Assert.NotEqual(withdrawn, batch);
        Assert.Contains(batch, (await RunAsync("payouts", "list")).Out);

        var file = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}.csv");
        var export = await RunAsync("payouts", "export", batch, file);
        Assert.Equal(ExitCodes.Success, export.Exit);
        var rows = File.ReadAllLines(file);
        Assert.Equal(string.Join(",", ExportPayoutBatch.Columns), rows[0]);
        Assert.Contains(",200.00,20000,", rows[1]);
        Assert.Contains("200.00", (await RunAsync("payouts", "export", batch, "-")).Out);

        var paid = await RunAsync("payouts", "mark-paid", batch, "--reference", "WIRE-77");
        Assert.Equal((ExitCodes.Success, ""), (paid.Exit, paid.Err));
        Assert.Contains("is paid (WIRE-77", paid.Out);
        Assert.Equal(ExitCodes.Success, (await RunAsync("payouts", "mark-paid", batch, "--reference", "WIRE-77")).Exit);
        var other = await RunAsync("payouts", "mark-paid", batch, "--reference", "WIRE-78");
        Assert.Equal(ExitCodes.Failure, other.Exit);
        Assert.Equal($"error: Payout batch {batch} was already marked paid with reference 'WIRE-77'.", other.Err.Trim());
        var tooLate = await RunAsync("payouts", "cancel", batch, "--reason", "Oops");
        Assert.Equal((ExitCodes.Failure, $"error: Payout batch {batch} was paid (WIRE-77); a paid batch cannot be cancelled."), (tooLate.Exit, tooLate.Err.Trim()));
        await using (var db = _app.Open())
            Assert.Equal(1, db.LedgerTransactions.Count(t => t.Kind == LedgerTransactionKind.Payout));

        Assert.Equal(ExitCodes.Usage, (await RunAsync("payouts", "mark-paid", "not-a-batch", "--reference", "X")).Exit);
        Assert.Equal(ExitCodes.Usage, (await RunAsync("payouts", "mark-paid", batch)).Exit);
        var unknown = await RunAsync("payouts", "export", Guid.NewGuid().ToString(), "-");
        Assert.Equal(ExitCodes.Failure, unknown.Exit);
        Assert.Single(unknown.Err.Trim().Split('\n'));
    }

    [GeneratedRegex("Payout batch ([0-9a-f-]{36})")]
    private static partial Regex BatchId();
}

public sealed class FinanceCliOnSqlite() : FinanceCliTests(DatabaseProvider.Sqlite);

public sealed class FinanceCliOnPostgres() : FinanceCliTests(DatabaseProvider.Postgres);
