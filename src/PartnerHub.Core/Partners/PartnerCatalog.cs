namespace PartnerHub.Core.Partners;

/// <summary>
/// What the current partner program allows a partner record to say: its categories and subcategories, revenue
/// models and regions. Taken from the program file, so a new subcategory is a program edit, not a code change.
/// </summary>
public sealed record PartnerCatalog(
    IReadOnlyDictionary<string, IReadOnlyList<string>> SubcategoriesByCategory,
    IReadOnlyList<string> RevenueModels,
    IReadOnlyList<string> Regions)
{
    public bool IsCategory(string key) => SubcategoriesByCategory.ContainsKey(key);

    public bool IsSubcategoryOf(string category, string subcategory) =>
        SubcategoriesByCategory.TryGetValue(category, out var subs) && subs.Contains(subcategory);
}
