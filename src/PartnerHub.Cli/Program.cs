namespace PartnerHub.Cli;

internal static class Program
{
    private static Task<int> Main(string[] args) => PartnerHubCli.RunAsync(args, Console.Out, Console.Error);
}
