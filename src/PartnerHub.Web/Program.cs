using PartnerHub.Web;

await PartnerHubWeb.Build(args).RunAsync();

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
