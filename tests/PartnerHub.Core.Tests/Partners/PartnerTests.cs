using PartnerHub.Core.Common;
using PartnerHub.Core.Partners;

namespace PartnerHub.Core.Tests.Partners;

public sealed class PartnerTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    internal static readonly PartnerCatalog Catalog = new(
        new Dictionary<string, IReadOnlyList<string>>
        {
            ["technology"] = ["ai-ml-platforms", "cloud-infrastructure", "integration"],
            ["channel"] = ["resellers", "referral"],
        },
        ["revenue-share", "referral-commission"],
        ["North America", "EMEA"]);

    private static ValidPartnerDetails Valid(PartnerDetails details) => details.Validate(Catalog).Value;

    private static PartnerDetails Acme => new() { Name = "Acme", Domain = "acme.com", Subcategory = "resellers" };

    [Fact]
    public void Validate_infers_the_category_from_the_subcategory() =>
        Assert.Equal("channel", Valid(Acme).Category);

    [Fact]
    public void Validate_reports_every_bad_field_at_once()
    {
        var error = (Acme with { Name = " ", Domain = "nope", Category = "technology", Country = "XX", Owner = "bob", Tags = ["ok", "a\u0007b"] })
            .Validate(Catalog).Error!;
        Assert.Equal(ErrorKind.Validation, error.Kind);
        Assert.Equal(["country", "domain", "name", "owner", "subcategory", "tags[1]"], error.Fields!.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(6, error.Fields!.Count);
        Assert.Contains("resellers", error.Fields["subcategory"][0]);
    }

    [Fact]
    public void An_update_never_moves_the_stage_and_a_lifecycle_move_follows_the_allowed_transitions()
    {
        var partner = Partner.Create(Valid(Acme), Now);
        var edit = partner.Update(Valid(Acme with { Stage = "qualified" }), 1, Now);
        Assert.Equal("stage", edit.Error!.Fields!.Keys.Single());
        Assert.Contains("lifecycle actions", edit.Error.Message);
        Assert.Equal((LifecycleStage.Prospect, 1), (partner.Stage, partner.Version));

        var toActive = partner.MoveTo(LifecycleStage.Active, null, Now);
        Assert.Contains("qualified, terminated", toActive.Error!.Message);
        Assert.True(partner.MoveTo(LifecycleStage.Qualified, "Fit 80", Now).IsSuccess);
        Assert.Equal((LifecycleStage.Qualified, "Fit 80", 2), (partner.Stage, partner.StageReason, partner.Version));
    }

    [Fact]
    public void Update_with_a_stale_version_is_refused_and_changes_nothing()
    {
        var partner = Partner.Create(Valid(Acme), Now);
        Assert.True(partner.Update(Valid(Acme with { Name = "Acme Corp" }), 1, Now).IsSuccess);
        var stale = partner.Update(Valid(Acme with { Name = "Acme Inc" }), 1, Now);
        Assert.Equal("stale_version", stale.Error!.Code);
        Assert.Equal("Acme Corp", partner.Name);
    }

    [Fact]
    public void Update_without_changes_keeps_the_version()
    {
        var partner = Partner.Create(Valid(Acme with { Tags = ["x"] }), Now);
        Assert.True(partner.Update(Valid(Acme with { Tags = ["x"] }), 1, Now.AddDays(1)).IsSuccess);
        Assert.Equal(1, partner.Version);
        Assert.Equal(Now, partner.UpdatedAt);
    }

    [Fact]
    public void An_archived_partner_cannot_be_changed()
    {
        var partner = Partner.Create(Valid(Acme), Now);
        Assert.True(partner.Archive(1, Now).IsSuccess);
        Assert.Equal("partner_archived", partner.Update(Valid(Acme), 2, Now).Error!.Code);
    }
}
