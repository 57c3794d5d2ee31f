using System.Globalization;
using PartnerHub.App.Partners;
using PartnerHub.Core.Partners;

namespace PartnerHub.Web.Partners;

/// <summary>
/// The create/edit form as plain text fields. Lists use the CSV cell formats (contacts one per line, tags and rates
/// separated by ";") so there is one way to write them.
/// </summary>
public sealed class PartnerForm
{
    public string? ExternalId { get; set; }
    public string? Name { get; set; }
    public string? Domain { get; set; }
    public string? Subcategory { get; set; }
    public string? Stage { get; set; } = "prospect";
    public string? Region { get; set; }
    public string? Country { get; set; }
    public string? Owner { get; set; }
    public string? Contacts { get; set; }
    public string? RevenueModel { get; set; }
    public string? RateOverrides { get; set; }
    public string? AgreementStartsOn { get; set; }
    public string? AgreementRenewsOn { get; set; }
    public string? Tags { get; set; }
    public string? Notes { get; set; }
    public int Version { get; set; }

    public static PartnerForm From(PartnerView p)
    {
        var cells = PartnerCsv.Format(p);
        string Cell(string column) => cells[Array.IndexOf(PartnerCsv.Columns, column)];
        return new PartnerForm
        {
            ExternalId = p.ExternalId, Name = p.Name, Domain = p.Domain, Subcategory = $"{p.Category}/{p.Subcategory}", Stage = p.Stage,
            Region = p.Region, Country = p.Country, Owner = p.Owner, Contacts = Cell("contacts"), RevenueModel = p.RevenueModel,
            RateOverrides = Cell("rate_overrides"), AgreementStartsOn = Cell("agreement_starts_on"), AgreementRenewsOn = Cell("agreement_renews_on"),
            Tags = Cell("tags"), Notes = p.Notes, Version = p.Version,
        };
    }

    /// <summary>The form as partner details; text that is not in the expected format is reported by field.</summary>
    public PartnerDetails ToDetails(Dictionary<string, string[]> formatErrors)
    {
        var (category, subcategory) = Subcategory?.Split('/', 2) is [var c, var s] ? (c, s) : (null, Subcategory);
        var cells = new Dictionary<string, string?>
        {
            ["external_id"] = ExternalId, ["name"] = Name, ["domain"] = Domain, ["category"] = category, ["subcategory"] = subcategory,
            ["stage"] = Stage, ["region"] = Region, ["country"] = Country, ["owner"] = Owner, ["contacts"] = Contacts?.Replace("\r", "", StringComparison.Ordinal),
            ["revenue_model"] = RevenueModel, ["rate_overrides"] = RateOverrides, ["agreement_starts_on"] = AgreementStartsOn,
            ["agreement_renews_on"] = AgreementRenewsOn, ["tags"] = Tags, ["notes"] = Notes,
        };
        var problems = new List<(string Column, string Message)>();
        var details = PartnerCsv.Parse(column => cells[column], problems);
        foreach (var group in problems.GroupBy(p => FieldOf(p.Column)))
            formatErrors[group.Key] = group.Select(p => p.Message).ToArray();
        return details;
    }

    private static string FieldOf(string column) =>
        string.Concat(column.Split('_').Select((part, i) => i == 0 ? part : char.ToUpper(part[0], CultureInfo.InvariantCulture) + part[1..]));
}
