using System.CommandLine;
using System.Globalization;
using PartnerHub.App.Ledger;
using PartnerHub.Core.Common;
using Spectre.Console;

namespace PartnerHub.Cli.Ledger;

/// <summary>Finance on the command line: close a month into statements, plan, export and pay payout batches.</summary>
public static class LedgerCommands
{
    public static Command Statements(TextWriter output, TextWriter error) =>
        new("statements", "Partner statements.") { Subcommands = { Close(output, error) } };

    public static Command Payouts(TextWriter output, TextWriter error) =>
        new("payouts", "Payout batches.") { Subcommands = { ListBatches(output, error), CreateBatch(output, error), Export(output, error), MarkPaid(output, error), Cancel(output, error) } };

    private static Command Close(TextWriter output, TextWriter error)
    {
        var period = new Option<string>("--period") { Description = "The month to close, YYYY-MM; it must be over.", Required = true };
        var command = new Command("close", "Close a month into immutable statements (again: only adjusting statements for what was posted since).") { Options = { period } };
        command.SetHandler(output, error, async (cli, ct) =>
        {
            await using var services = await cli.ServicesAsync(ct);
            await using var scope = CliContext.CliScope(services, "statements.close");
            var result = await scope.ServiceProvider.GetRequiredService<CloseStatements>().HandleAsync(cli.Parse.GetValue(period)!, ct);
            if (!result.IsSuccess) return cli.Fail(result.Error);
            var closed = result.Value;
            if (closed.Issued.Count > 0)
            {
                var table = new Table().AddColumns("Statement", "Partner", "Currency", "Sequence", "Lines", "Closing net owed");
                foreach (var s in closed.Issued)
                    table.AddRow(s.StatementId.ToString(), s.PartnerId.ToString(), s.Currency, s.Sequence.ToString(CultureInfo.InvariantCulture),
                        s.Lines.ToString(CultureInfo.InvariantCulture), Markup.Escape(s.Closing.NetOwed.ToString()));
                cli.Console.Write(table);
            }

            cli.Output.WriteLine($"Closed {closed.Period}: {closed.Issued.Count} statements issued, {closed.AlreadyIssued} already issued and unchanged.");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command ListBatches(TextWriter output, TextWriter error)
    {
        var command = new Command("list", "The latest payout batches, newest first.");
        command.SetHandler(output, error, async (cli, ct) =>
        {
            await using var services = await cli.ServicesAsync(ct);
            await using var scope = CliContext.CliScope(services, "payouts.list");
            var batches = await scope.ServiceProvider.GetRequiredService<ListPayoutBatches>().HandleAsync(100, ct);
            var table = new Table().AddColumns("Batch", "Currency", "As of", "Partners", "Total", "Status", "Reference");
            foreach (var b in batches)
                table.AddRow(b.Id.ToString(), b.Currency, b.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), b.Lines.ToString(CultureInfo.InvariantCulture),
                    Amount(b.TotalMinor, b.Currency), b.Status, Markup.Escape(b.ExternalReference ?? "—"));
            cli.Console.Write(table);
            cli.Output.WriteLine($"{batches.Count} batches.");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command CreateBatch(TextWriter output, TextWriter error)
    {
        var currency = new Option<string>("--currency") { Description = "ISO 4217 code.", DefaultValueFactory = _ => "USD" };
        var minimum = new Option<string>("--minimum") { Description = "The smallest payout in major units; smaller balances carry forward.", DefaultValueFactory = _ => "50.00" };
        var command = new Command("create", "Plan a payout batch from today's payable balances.") { Options = { currency, minimum } };
        command.SetHandler(output, error, async (cli, ct) =>
        {
            await using var services = await cli.ServicesAsync(ct);
            await using var scope = CliContext.CliScope(services, "payouts.create");
            var result = await scope.ServiceProvider.GetRequiredService<CreatePayoutBatch>().HandleAsync(cli.Parse.GetValue(currency)!, cli.Parse.GetValue(minimum)!, ct);
            if (!result.IsSuccess) return cli.Fail(result.Error);
            var b = result.Value;
            cli.Output.WriteLine($"Payout batch {b.Id}: {b.Lines.Count} partners, {Amount(b.TotalMinor, b.Currency)} {b.Currency}; {b.CarriedForward.Count} carried forward.");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Export(TextWriter output, TextWriter error)
    {
        var batch = new Argument<Guid>("batch") { Description = "The payout batch id." };
        var file = new Argument<FileInfo>("file") { Description = "Where to write the CSV ('-' for standard output)." };
        var command = new Command("export", "Write a payout batch as CSV for finance; marks it exported.") { Arguments = { batch, file } };
        command.SetHandler(output, error, async (cli, ct) =>
        {
            var target = cli.Parse.GetValue(file)!;
            await using var services = await cli.ServicesAsync(ct);
            await using var scope = CliContext.CliScope(services, "payouts.export");
            var export = scope.ServiceProvider.GetRequiredService<ExportPayoutBatch>();
            var id = new PayoutBatchId(cli.Parse.GetValue(batch));
            if (target.Name == "-")
            {
                var toOutput = await export.HandleAsync(id, cli.Output, ct);
                return toOutput.IsSuccess ? ExitCodes.Success : cli.Fail(toOutput.Error);
            }

            await using var text = new StringWriter();
            var result = await export.HandleAsync(id, text, ct);
            if (!result.IsSuccess) return cli.Fail(result.Error);
            await File.WriteAllTextAsync(target.FullName, text.ToString(), new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false), ct);
            cli.Output.WriteLine($"Exported {result.Value} payouts to {target.FullName}.");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command MarkPaid(TextWriter output, TextWriter error)
    {
        var batch = new Argument<Guid>("batch") { Description = "The payout batch id." };
        var reference = new Option<string>("--reference") { Description = "The payment's external reference (wire or transfer id).", Required = true };
        var paidOn = new Option<string?>("--paid-on") { Description = "The business date of the payment, YYYY-MM-DD (default today)." };
        var command = new Command("mark-paid", "Record that a batch was paid: posts the payouts once; again with the same reference changes nothing.")
        {
            Arguments = { batch }, Options = { reference, paidOn },
        };
        command.SetHandler(output, error, async (cli, ct) =>
        {
            DateOnly? date = null;
            if (cli.Parse.GetValue(paidOn) is { } text)
            {
                if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
                    return cli.Fail($"--paid-on '{text}' is not a date like 2026-01-31.");
                date = parsed;
            }

            await using var services = await cli.ServicesAsync(ct);
            await using var scope = CliContext.CliScope(services, "payouts.mark-paid");
            var result = await scope.ServiceProvider.GetRequiredService<MarkPayoutPaid>()
                .HandleAsync(new PayoutBatchId(cli.Parse.GetValue(batch)), cli.Parse.GetValue(reference)!, date, ct);
            if (!result.IsSuccess) return cli.Fail(result.Error);
            var b = result.Value;
            cli.Output.WriteLine($"Payout batch {b.Id} is paid ({b.ExternalReference}, {b.PaidOn:yyyy-MM-dd}): {b.Lines.Count} partners, {Amount(b.TotalMinor, b.Currency)} {b.Currency}.");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Cancel(TextWriter output, TextWriter error)
    {
        var batch = new Argument<Guid>("batch") { Description = "The payout batch id." };
        var reason = new Option<string>("--reason") { Description = "Why the batch is withdrawn (kept on the batch).", Required = true };
        var command = new Command("cancel", "Withdraw a planned or exported batch before payment: nothing moves, its balances stay payable.")
        {
            Arguments = { batch }, Options = { reason },
        };
        command.SetHandler(output, error, async (cli, ct) =>
        {
            await using var services = await cli.ServicesAsync(ct);
            await using var scope = CliContext.CliScope(services, "payouts.cancel");
            var result = await scope.ServiceProvider.GetRequiredService<CancelPayoutBatch>()
                .HandleAsync(new PayoutBatchId(cli.Parse.GetValue(batch)), cli.Parse.GetValue(reason)!, ct);
            if (!result.IsSuccess) return cli.Fail(result.Error);
            cli.Output.WriteLine($"Payout batch {result.Value.Id} is cancelled ({result.Value.CancelReason}); its balances stay payable.");
            return ExitCodes.Success;
        });
        return command;
    }

    private static string Amount(long minor, string currency) =>
        Currency.Parse(currency) is { IsSuccess: true } c ? new Money(minor, c.Value).ToMajor().ToString("N" + c.Value.Exponent, CultureInfo.InvariantCulture) : minor.ToString(CultureInfo.InvariantCulture);
}
