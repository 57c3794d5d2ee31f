using System.Text;
using PartnerHub.App.Persistence;
using PartnerHub.Cli;

namespace PartnerHub.Tests.Infrastructure;

/// <summary>The partnerhub command line run in-process against a test database, and the files it is given.</summary>
internal static class CliRun
{
    public static async Task<(int Exit, string Out, string Err)> RunAsync(DatabaseSettings db, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await PartnerHubCli.RunAsync([.. args, "--provider", db.Provider.ToString(), "--connection", db.ConnectionString], output, error);
        return (exit, output.ToString(), error.ToString());
    }

    /// <summary>A temporary UTF-8 file (with a byte-order mark when asked, as some spreadsheets write it).</summary>
    public static string TempFile(string content, string extension = ".csv", bool byteOrderMark = false)
    {
        var path = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}{extension}");
        File.WriteAllText(path, content, new UTF8Encoding(encoderShouldEmitUTF8Identifier: byteOrderMark));
        return path;
    }

    /// <summary>The command failed with exit code 1 and one line on standard error that says why.</summary>
    public static void FailsWithOneLine((int Exit, string Out, string Err) run, string expected)
    {
        Assert.Equal(ExitCodes.Failure, run.Exit);
        var line = Assert.Single(run.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(expected, line, StringComparison.Ordinal);
    }
}
