using PartnerHub.Core.Partners;

namespace PartnerHub.App.Demo;

/// <summary>
/// The seed's ecosystem as partner records: every partner the strategy names, plus generated agencies, consultants,
/// resellers and referral partners in the numbers it targets. Deterministic: the same seed gives the same partners.
/// </summary>
public static class DemoEcosystem
{
    public const int Seed = 20240101;

    public static readonly string[] Managers = ["maria.lopez@partnerhub.demo", "sam.chen@partnerhub.demo", "priya.nair@partnerhub.demo"];

    private static readonly (string Name, string Domain, string Subcategory, string Country, string Notes)[] Named =
    [
        ("OpenAI", "openai.com", "ai-ml-platforms", "US", "GPT-4 API integration, co-marketing."),
        ("Anthropic", "anthropic.com", "ai-ml-platforms", "US", "Claude API integration, research collaboration."),
        ("Google", "google.com", "ai-ml-platforms", "US", "Gemini API, cloud services."),
        ("Microsoft", "microsoft.com", "ai-ml-platforms", "US", "Azure AI, enterprise integration."),
        ("Hugging Face", "huggingface.co", "ai-ml-platforms", "US", "Open-source models, community."),
        ("AWS", "aws.amazon.com", "cloud-infrastructure", "US", "Primary cloud provider."),
        ("Google Cloud", "cloud.google.com", "cloud-infrastructure", "US", "Secondary cloud provider."),
        ("Microsoft Azure", "azure.microsoft.com", "cloud-infrastructure", "US", "Enterprise cloud services."),
        ("Vercel", "vercel.com", "cloud-infrastructure", "US", "Frontend hosting."),
        ("Cloudflare", "cloudflare.com", "cloud-infrastructure", "US", "CDN and security."),
        ("Zapier", "zapier.com", "integration", "US", "Workflow automation."),
        ("Make", "make.com", "integration", "CZ", "Advanced automation."),
        ("IFTTT", "ifttt.com", "integration", "US", "Simple automation."),
        ("Pabbly", "pabbly.com", "integration", "IN", "Email automation."),
        ("Integromat", "integromat.com", "integration", "CZ", "Data integration."),
        ("Stanford", "stanford.edu", "universities", "US", "AI research collaboration."),
        ("MIT", "mit.edu", "universities", "US", "Technology partnership."),
        ("Berkeley", "berkeley.edu", "universities", "US", "AI education programs."),
        ("General Assembly", "generalassemb.ly", "training-organizations", "US", "Bootcamp partnership."),
        ("Coursera", "coursera.org", "training-organizations", "US", "Course platform."),
        ("Udemy", "udemy.com", "training-organizations", "US", "Course marketplace."),
        ("LinkedIn Learning", "learning.linkedin.com", "training-organizations", "US", "Professional development."),
        ("Skillshare", "skillshare.com", "training-organizations", "US", "Creative education."),
    ];

    // How many partners to generate per subcategory: the middle of each target range in the seed.
    private static readonly (string Subcategory, int Count, string[] Kinds, string[] Suffixes)[] Generated =
    [
        ("marketing-agencies", 25, ["Digital", "Content", "Social", "PR", "Growth"], ["Agency", "Studio", "Collective", "Partners", "Media"]),
        ("technology-consultants", 20, ["Systems", "IT", "Transformation", "AI", "Marketing"], ["Consulting", "Advisors", "Group", "Labs", "Integrators"]),
        ("resellers", 15, ["Software", "Marketing Tools", "Enterprise", "Regional", "Vertical"], ["Resellers", "Distribution", "Solutions", "Channel", "Supply"]),
        ("referral", 75, ["Influence", "Creator", "Association", "Events", "Media"], ["Network", "Collective", "Society", "Summit", "Weekly"]),
    ];

    private static readonly string[] Words =
    [
        "Bright", "North", "Blue", "Summit", "Cedar", "Nova", "Atlas", "Harbor", "Pixel", "Lumen", "Vertex", "Orbit", "Maple", "Signal",
        "Kite", "Ember", "Tidal", "Quartz", "Willow", "Falcon", "Aurora", "Granite", "Meadow", "Beacon", "Cobalt", "Juniper", "Prism",
        "Sable", "Zenith", "Copper", "Fjord", "Ridge", "Sparrow", "Lattice", "Mosaic", "Ion", "Crest", "Delta", "Echo", "Harvest",
    ];

    private static readonly string[] FirstNames =
        ["Ana", "Ben", "Chloe", "David", "Elena", "Farid", "Grace", "Hiro", "Ines", "Jonas", "Kemi", "Liam", "Mei", "Noah", "Olga", "Pablo", "Quinn", "Rosa", "Sven", "Tara"];

    private static readonly string[] LastNames =
        ["Garcia", "Smith", "Müller", "Rossi", "Kim", "Okafor", "Silva", "Novak", "Tanaka", "Dubois", "Haddad", "Larsen", "Patel", "Walsh", "Zhou"];

    private static readonly (string Country, string Region)[] Places =
    [
        ("US", "North America"), ("CA", "North America"), ("MX", "Latin America"), ("BR", "Latin America"), ("AR", "Latin America"),
        ("GB", "EMEA"), ("DE", "EMEA"), ("FR", "EMEA"), ("ES", "EMEA"), ("NL", "EMEA"), ("AE", "EMEA"),
        ("IN", "APAC"), ("SG", "APAC"), ("AU", "APAC"), ("JP", "APAC"),
    ];

    /// <summary>The demo partners with their details, each with the date its partnership started (for history).</summary>
    public static IReadOnlyList<PartnerDetails> Partners(DateOnly today)
    {
        var random = new Random(Seed);
        var partners = new List<PartnerDetails>();
        foreach (var (name, domain, subcategory, country, notes) in Named)
            partners.Add(Build(random, today, name, domain, subcategory, country, Region(country), notes, ["seed"], named: true));

        var usedNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (subcategory, count, kinds, suffixes) in Generated)
        {
            for (var i = 0; i < count; i++)
            {
                string name;
                do name = $"{Words[random.Next(Words.Length)]} {kinds[random.Next(kinds.Length)]} {suffixes[random.Next(suffixes.Length)]}";
                while (!usedNames.Add(name));
                var (place, region) = Places[random.Next(Places.Length)];
                var domain = name.ToLowerInvariant().Replace(" ", "", StringComparison.Ordinal) + (place == "US" ? ".com" : "." + place.ToLowerInvariant());
                partners.Add(Build(random, today, name, domain, subcategory, place, region, null, []));
            }
        }

        return partners;
    }

    private static PartnerDetails Build(Random random, DateOnly today, string name, string domain, string subcategory, string country,
        string region, string? notes, string[] tags, bool named = false)
    {
        // Partnerships started over the last three years; the youngest are still being onboarded. The partners the
        // seed names are its current partners, so they are active.
        var start = today.AddDays(-random.Next(named ? 180 : 30, 3 * 365));
        var months = (today.DayNumber - start.DayNumber) / 30;
        var stage = named ? LifecycleStage.Active : months switch
        {
            < 3 => random.Next(3) switch { 0 => LifecycleStage.Prospect, 1 => LifecycleStage.Qualified, _ => LifecycleStage.Onboarding },
            _ when random.Next(20) == 0 => LifecycleStage.Churned,
            _ => LifecycleStage.Active,
        };
        var contactCount = 1 + random.Next(3);
        var emailDomain = domain.StartsWith("learning.", StringComparison.Ordinal) ? domain["learning.".Length..] : domain;
        var contacts = Enumerable.Range(0, contactCount).Select(i =>
        {
            var first = FirstNames[random.Next(FirstNames.Length)];
            var last = LastNames[random.Next(LastNames.Length)];
            var role = i switch { 0 => "Partner lead", 1 => "Technical contact", _ => "Finance" };
            return new Contact($"{first} {last}", $"{first.ToLowerInvariant()}.{Ascii(last)}@{emailDomain}", role, null);
        }).DistinctBy(c => c.Email).ToArray();

        return new PartnerDetails
        {
            Name = name,
            Domain = domain,
            Subcategory = subcategory,
            Stage = stage.Key(),
            Region = region,
            Country = country,
            Owner = Managers[random.Next(Managers.Length)],
            Contacts = contacts,
            AgreementStartsOn = stage is LifecycleStage.Prospect or LifecycleStage.Qualified ? null : start,
            AgreementRenewsOn = stage is LifecycleStage.Prospect or LifecycleStage.Qualified ? null : start.AddYears(1 + (today.DayNumber - start.DayNumber) / 365),
            Tags = [.. tags, .. random.Next(4) == 0 ? new[] { "co-marketing" } : []],
            Notes = notes,
        };
    }

    private static string Region(string country) => Places.FirstOrDefault(p => p.Country == country).Region ?? "EMEA";

    private static string Ascii(string text) => text.ToLowerInvariant().Replace("ü", "ue", StringComparison.Ordinal);
}
