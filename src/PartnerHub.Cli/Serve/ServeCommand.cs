using System.CommandLine;
using PartnerHub.Web;

namespace PartnerHub.Cli.Serve;

public static class ServeCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var demo = new Option<bool>("--demo") { Description = "Load the demo ecosystem into an empty database (also outside Development)." };
        var urls = new Option<string?>("--urls") { Description = "Where to listen. Default: http://localhost:5080." };
        var serve = new Command("serve", "Run the PartnerHub web app and API.") { Options = { demo, urls } };
        serve.SetHandler(output, error, async (cli, ct) =>
        {
            var settings = cli.Configuration().AsEnumerable().Where(kv => kv.Key.StartsWith("Database:", StringComparison.Ordinal) && kv.Value is not null)
                .Select(kv => $"--{kv.Key}={kv.Value}").ToList();
            if (cli.Parse.GetValue(demo)) settings.Add("--Demo:Load=true");
            if (cli.Parse.GetValue(urls) is { } listen) settings.Add($"--Urls={listen}");
            await PartnerHubWeb.Build([.. settings]).RunAsync();
            return ExitCodes.Success;
        });
        return serve;
    }
}
