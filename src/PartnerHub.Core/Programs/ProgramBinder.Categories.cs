using PartnerHub.Core.Programs.Yaml;

namespace PartnerHub.Core.Programs;

internal sealed partial class ProgramBinder
{
    private List<Category> Categories(MapReader root)
    {
        var categories = new List<Category>();
        foreach (var (key, keyNode, node) in root.Keyed("categories"))
        {
            Define(RefKind.Category, key, keyNode);
            if (MapReader.From(_sink, node, $"category '{key}'") is not { } map) continue;
            var name = map.Text("name") ?? "";
            var description = map.Text("description") ?? "";
            var subcategories = new List<Subcategory>();
            foreach (var (subKey, subKeyNode, subNode) in map.Keyed("subcategories"))
            {
                // Subcategory keys are unique across categories: partner records and rate rules name them alone.
                Define(RefKind.Subcategory, subKey, subKeyNode);
                if (MapReader.From(_sink, subNode, $"subcategory '{subKey}'") is { } sub) subcategories.Add(Subcategory(key, subKey, sub));
            }

            if (subcategories.Count == 0 && map.Get("subcategories") is { } empty) _sink.Add(empty, $"{empty.Path}: list at least one subcategory.");
            map.Done();
            categories.Add(new Category(key, name, description, subcategories));
        }

        if (categories.Count == 0 && root.Get("categories") is { } none) _sink.Add(none, "categories: define at least one category.");
        return categories;
    }

    private Subcategory Subcategory(string category, string key, MapReader map)
    {
        var name = map.Text("name") ?? "";
        var description = map.Text("description") ?? "";
        var layer = map.Text("layer") ?? "";
        if (map.Get("layer") is { } layerNode && layer.Length > 0) Refer(RefKind.Layer, layer, layerNode);
        var examples = map.NamedTexts("examplePartners", required: false);
        var benefits = map.NamedTexts("benefits");
        var models = new List<string>();
        foreach (var (model, node) in map.TextList("revenueModels"))
        {
            Refer(RefKind.RevenueModel, model, node);
            models.Add(model);
        }

        var target = Range(map, "targetCount");
        map.Done();
        return new Subcategory(key, category, name, description, layer, examples, benefits, models, target);
    }

    private Ecosystem Ecosystem(MapReader map)
    {
        var layers = new List<EcosystemLayer>();
        foreach (var (key, keyNode, node) in map.Keyed("layers"))
        {
            Define(RefKind.Layer, key, keyNode);
            if (MapReader.From(_sink, node, $"ecosystem layer '{key}'") is not { } layer) continue;
            var name = layer.Text("name") ?? "";
            var groups = new List<EcosystemGroup>();
            if (layer.Required("groups") is YSequence seq)
            {
                foreach (var item in seq.Items)
                {
                    if (MapReader.From(_sink, item, "an ecosystem group { name, description, members, subcategories }") is not { } g) continue;
                    var groupName = g.Text("name") ?? "";
                    var description = g.Text("description", required: false);
                    var members = g.TextList("members", required: false).Select(m => m.Value).ToArray();
                    var subs = new List<string>();
                    foreach (var (sub, subNode) in g.TextList("subcategories", required: false))
                    {
                        Refer(RefKind.Subcategory, sub, subNode);
                        subs.Add(sub);
                    }

                    g.Done();
                    groups.Add(new EcosystemGroup(groupName, description, members, subs));
                }
            }
            else if (layer.Get("groups") is { } wrong) _sink.Add(wrong, $"{wrong.Path}: expected a list of groups, found {wrong.Describe()}.");

            layer.Done();
            layers.Add(new EcosystemLayer(key, name, groups));
        }

        List<NamedText> forPartners = [], forCustomers = [], forCompany = [];
        if (map.Map("benefits", required: false) is { } benefits)
        {
            forPartners = benefits.NamedTexts("forPartners");
            forCustomers = benefits.NamedTexts("forCustomers");
            forCompany = benefits.NamedTexts("forCompany");
            benefits.Done();
        }

        map.Done();
        return new Ecosystem(layers, forPartners, forCustomers, forCompany);
    }
}
