using CsCheck;
using PartnerHub.Core.Deals;
using PartnerHub.Core.Partners;

namespace PartnerHub.Core.Tests.Deals;

public sealed class CustomerIdentityIndexTests
{
    private static readonly DateTimeOffset T = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);

    // A tiny alphabet makes near-misses common, so the prefix filter is really put to the test.
    private static readonly Gen<string> Name = Gen.String[Gen.Char["abcde "], 1, 14];

    [Fact]
    public void Close_names_found_through_the_trigram_index_are_exactly_those_a_full_scan_finds() =>
        Gen.Select(Gen.Select(Name, Gen.Bool).List[0, 60], Name).Sample((names, query) =>
        {
            var all = names.Select((n, i) => new ActiveRegistration(DealId.New(T), PartnerId.New(), n.Item1, null, T.AddMinutes(i))).ToList();
            var index = CustomerIdentityIndex.Build(all, []);
            for (var i = 0; i < all.Count; i++)
                if (names[i].Item2) Assert.True(index.Remove(all[i].Id));
            var registrations = all.Where((_, i) => !names[i].Item2).ToList();
            var skeleton = CompanyName.Normalize(query).Skeleton;

            var viaIndex = index.CloseTo(skeleton).Select(c => c.Entry.RegistrationId!.Value.Value).Order().ToList();
            var viaScan = registrations
                .Where(r => NameSimilarity.IsClose(skeleton, CompanyName.Normalize(r.CustomerName).Skeleton))
                .Select(r => r.Id.Value).Order().ToList();
            Assert.Equal(viaScan, viaIndex);
        }, iter: 500);

    [Fact]
    public void Adding_again_what_the_index_holds_leaves_no_tombstone_and_a_renamed_customer_replaces_its_old_name()
    {
        var registration = new ActiveRegistration(DealId.New(T), PartnerId.New(), "Initech Systems", "initech.com", T);
        var customer = new ExistingCustomer("CRM-1", "Globex", "globex.com");
        var index = CustomerIdentityIndex.Build([registration], [customer]);

        // What a catch-up or a group's exact-key read does: add what it read, most of it held already.
        for (var i = 0; i < 3; i++)
        {
            index.Add(registration);
            index.Add(customer with { });
        }

        Assert.Equal((2, 0), (index.Count, index.Tombstones));
        index.Add(customer with { Name = "Globex Umbrella" });
        Assert.Equal((2, 1), (index.Count, index.Tombstones));
        Assert.Equal("Globex Umbrella", Assert.Single(index.CloseTo(CompanyName.Normalize("Globex Umbrela").Skeleton)).Entry.Identity.Name.Original);
        Assert.Empty(index.WithName(CompanyName.Normalize("Globex").Key));
    }

    [Fact]
    public void Above_the_stop_word_cap_a_typo_in_the_distinctive_part_is_found_and_every_match_is_measured_exactly()
    {
        // Every name ends in "Analytics": its trigrams are in all 60,000 names, far above the cap, so they are not walked.
        static string Brand(int i) => string.Concat(Enumerable.Range(0, 5).Select(k => (char)('a' + (i * 7919 + k * 31) / (int)Math.Pow(26, k) % 26)));
        var names = Enumerable.Range(0, 60_000).Select(i => $"{Brand(i)} Analytics").Append("Quorvant Analytics").ToList();
        var all = names.Select(n => new ActiveRegistration(DealId.New(T), PartnerId.New(), n, null, T)).ToList();
        var index = CustomerIdentityIndex.Build(all, []);
        var skeleton = CompanyName.Normalize("Quorvamt Analytics").Skeleton;

        var found = index.CloseTo(skeleton);

        Assert.Contains(found, c => c.Entry.RegistrationId == all[^1].Id);
        Assert.All(found, c =>
        {
            Assert.Equal(NameSimilarity.Similarity(skeleton, c.Entry.Identity.Name.Skeleton), c.Similarity);
            Assert.True(NameSimilarity.IsClose(skeleton, c.Entry.Identity.Name.Skeleton));
        });
    }

    [Fact]
    public void Above_the_stop_word_cap_a_name_whose_rarer_half_is_distinctive_finds_exactly_what_a_full_scan_finds()
    {
        // "Analytics" is in all 60,000 names, far above the cap; the query's brand is long enough to be its rarer half,
        // so the prefix filter walks brand trigrams only and must still find every close name, near misses included.
        static string Brand(int i) => string.Concat(Enumerable.Range(0, 5).Select(k => (char)('a' + (i * 7919 + k * 31) / (int)Math.Pow(26, k) % 26)));
        string[] planted = ["Quorvantixelmo Analytics", "Quorvantixalmo Analytics", "Quorvantix Analytics", "Quorvan Analytics", "Vantixelmo Analytic"];
        var names = Enumerable.Range(0, 60_000).Select(i => $"{Brand(i)} Analytics").Concat(planted).ToList();
        var all = names.Select(n => new ActiveRegistration(DealId.New(T), PartnerId.New(), n, null, T)).ToList();
        var index = CustomerIdentityIndex.Build(all, []);
        var skeleton = CompanyName.Normalize("Quorvantixelmo Analytics").Skeleton;

        var viaIndex = index.CloseTo(skeleton).Select(c => c.Entry.RegistrationId!.Value.Value).Order().ToList();

        var viaScan = all.Where(r => NameSimilarity.IsClose(skeleton, CompanyName.Normalize(r.CustomerName).Skeleton)).Select(r => r.Id.Value).Order().ToList();
        Assert.True(viaScan.Count >= 3, $"the planted names should be close: {viaScan.Count}");
        Assert.Equal(viaScan, viaIndex);
    }

    [Fact]
    public void Exact_keys_are_found_among_many_without_false_hits()
    {
        var registrations = Enumerable.Range(0, 5_000)
            .Select(i => new ActiveRegistration(DealId.New(T), PartnerId.New(), $"Company {i} Ltd", $"company{i}.com", T)).ToList();
        var index = CustomerIdentityIndex.Build(registrations, []);
        var candidate = new RegistrationCandidate(DealId.New(T), PartnerId.New(), "COMPANY 4711 LIMITED", "https://www.company4711.com", T);

        var result = ConflictCheck.Check(candidate, index);

        Assert.Equal(ConflictOutcome.Conflict, result.Outcome);
        Assert.All(result.Matches.Where(m => m.Rule is ConflictRule.SameDomain or ConflictRule.SameName), m => Assert.Equal(registrations[4711].Id, m.RegistrationId));
        Assert.True(result.Matches.Count(m => m.Rule == ConflictRule.SimilarName) <= ConflictCheck.MaxSimilarMatches);
    }
}
