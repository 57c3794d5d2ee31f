namespace PartnerHub.Web.Components.Layout;

/// <summary>The console's navigation. A feature adds its entry here when it is built; no entry points at an empty page.</summary>
public static class NavItems
{
    public sealed record Item(string Label, string Href);

    public static readonly IReadOnlyList<Item> Console =
    [
        new("Overview", "/"),
        new("Partners", "/partners"),
    ];
}
