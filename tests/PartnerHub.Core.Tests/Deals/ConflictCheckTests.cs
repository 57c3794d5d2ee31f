using PartnerHub.Core.Deals;
using PartnerHub.Core.Partners;

namespace PartnerHub.Core.Tests.Deals;

public sealed class ConflictCheckTests
{
    private static readonly DateTimeOffset T = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly PartnerId Me = new(Guid.Parse("01950000-0000-7000-8000-00000000000a"));
    private static readonly PartnerId Rival = new(Guid.Parse("01950000-0000-7000-8000-00000000000b"));

    private static RegistrationCandidate Candidate(string name, string? domain, PartnerId? partner = null, DateTimeOffset? at = null) =>
        new(DealId.New(at ?? T), partner ?? Me, name, domain, at ?? T);

    private static ActiveRegistration Registered(string name, string? domain, PartnerId? partner = null, DateTimeOffset? at = null) =>
        new(DealId.New(at ?? T.AddDays(-10)), partner ?? Rival, name, domain, at ?? T.AddDays(-10));

    private static ConflictResult Check(RegistrationCandidate candidate, params ActiveRegistration[] registrations) =>
        ConflictCheck.Check(candidate, registrations, []);

    [Fact]
    public void Nothing_registered_is_clear()
    {
        var result = Check(Candidate("Acme Ltd", "acme.co.uk"), Registered("Globex", "globex.com"));
        Assert.Equal(ConflictOutcome.Clear, result.Outcome);
        Assert.Empty(result.Matches);
        Assert.Contains("acme.co.uk", result.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_subdomain_of_another_partners_registered_customer_conflicts()
    {
        var result = Check(Candidate("Acme Retail", "https://shop.acme.co.uk/"), Registered("Acme Group", "acme.co.uk"));
        Assert.Equal(ConflictOutcome.Conflict, result.Outcome);
        var match = Assert.Single(result.Matches);
        Assert.Equal(ConflictRule.SameDomain, match.Rule);
        Assert.Equal("acme.co.uk", match.CandidateValue);
        Assert.Contains("SameDomain", match.Explanation, StringComparison.Ordinal);
        Assert.Contains("acme.co.uk", match.Explanation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("acme.co.uk", "other.co.uk")]
    [InlineData("foo.github.io", "bar.github.io")] // a private-section suffix counts
    [InlineData("acme.com", "acme.de")]
    public void Neighbours_under_a_public_suffix_do_not_conflict(string mine, string theirs) =>
        Assert.Equal(ConflictOutcome.Clear, Check(Candidate("Alpha Works", mine), Registered("Zeta Labs", theirs)).Outcome);

    [Theory]
    [InlineData("ACME, Inc.", "Acme Incorporated")]
    [InlineData("Müller GmbH", "MULLER AG")]
    [InlineData("The Acme Company", "acme")]
    public void The_same_name_under_other_case_accents_or_legal_form_conflicts(string mine, string theirs)
    {
        var result = Check(Candidate(mine, "one.example"), Registered(theirs, "two.example"));
        Assert.Equal(ConflictOutcome.Conflict, result.Outcome);
        Assert.Equal(ConflictRule.SameName, Assert.Single(result.Matches).Rule);
    }

    [Fact]
    public void A_cyrillic_look_alike_is_a_possible_duplicate_not_a_clear()
    {
        var result = Check(Candidate("\u0410\u0441\u043c\u0435 Ltd", "one.example"), Registered("Acme", "two.example"));
        Assert.Equal(ConflictOutcome.PossibleDuplicate, result.Outcome);
        var match = Assert.Single(result.Matches);
        Assert.Equal(ConflictRule.LookAlikeName, match.Rule);
        Assert.Equal("acme", match.MatchedValue);
    }

    [Fact]
    public void A_zero_for_an_o_is_a_possible_duplicate() =>
        Assert.Equal(ConflictRule.LookAlikeName, Assert.Single(Check(Candidate("Micr0soft", "one.example"), Registered("Microsoft Corp", "two.example")).Matches).Rule);

    [Fact]
    public void A_close_name_is_a_possible_duplicate_with_its_similarity()
    {
        var result = Check(Candidate("Salesforse", "one.example"), Registered("Salesforce, Inc.", "two.example"));
        Assert.Equal(ConflictOutcome.PossibleDuplicate, result.Outcome);
        var match = Assert.Single(result.Matches);
        Assert.Equal(ConflictRule.SimilarName, match.Rule);
        Assert.InRange(match.Similarity, 0.5, 0.99);
        Assert.Contains("threshold 50%", match.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void An_existing_customer_conflicts_by_domain_or_name()
    {
        var customers = new[] { new ExistingCustomer("crm-42", "Initech LLC", "initech.com") };
        var byDomain = ConflictCheck.Check(Candidate("Something Else", "www.initech.com"), [], customers);
        var byName = ConflictCheck.Check(Candidate("INITECH", "initech.io"), [], customers);
        Assert.Equal(ConflictOutcome.Conflict, byDomain.Outcome);
        Assert.Equal(ConflictOutcome.Conflict, byName.Outcome);
        Assert.Equal("crm-42", Assert.Single(byDomain.Matches).CustomerReference);
        Assert.Equal(MatchedRecord.ExistingCustomer, Assert.Single(byName.Matches).Record);
    }

    [Fact]
    public void The_partners_own_registration_is_a_possible_duplicate_not_a_conflict()
    {
        var result = Check(Candidate("Acme", "acme.com"), Registered("Acme", "acme.com", Me));
        Assert.Equal(ConflictOutcome.PossibleDuplicate, result.Outcome);
        Assert.All(result.Matches, m => Assert.Equal(MatchedRecord.OwnRegistration, m.Record));
    }

    [Fact]
    public void A_recheck_of_an_indexed_registration_does_not_match_itself()
    {
        var registered = Registered("Acme", "acme.com");
        var candidate = new RegistrationCandidate(registered.Id, registered.PartnerId, registered.CustomerName, registered.CustomerDomain, registered.SubmittedAt);
        Assert.Equal(ConflictOutcome.Clear, Check(candidate, registered).Outcome);
    }

    [Fact]
    public void Each_registration_match_says_who_wins_under_first_valid_registration()
    {
        var earlier = Registered("Acme", "acme.com", at: T.AddDays(-1));
        var later = Registered("Acme", "acme.com", at: T.AddDays(1));
        var candidate = Candidate("Acme", "acme.com");
        var result = Check(candidate, earlier, later);
        var byId = result.Matches.Where(m => m.Rule == ConflictRule.SameDomain).ToDictionary(m => m.RegistrationId!.Value);
        Assert.Equal(earlier.Id, byId[earlier.Id].Priority!.Winner.Id);
        Assert.Equal(candidate.Id, byId[later.Id].Priority!.Winner.Id);
        Assert.Contains("First valid registration wins", byId[later.Id].Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void The_partner_view_says_that_a_registration_exists_but_never_whose()
    {
        var theirs = Registered("Acme Robotics Holdings", "acme-robotics.com");
        var customer = new ExistingCustomer("crm-7", "Acme Robotic Holding", null);
        var result = ConflictCheck.Check(Candidate("Acme Robotics", "acme-robotics.com"), [theirs], [customer]);
        Assert.Equal(ConflictOutcome.Conflict, result.Outcome);
        Assert.Contains(result.Matches, m => m.PartnerId == Rival); // the manager sees everything

        var view = result.ForPartner();
        var text = string.Join(" ", view.Reasons);
        Assert.Equal(ConflictOutcome.Conflict, view.Outcome);
        Assert.Contains("acme-robotics.com", text, StringComparison.Ordinal);
        Assert.DoesNotContain(Rival.ToString(), text, StringComparison.Ordinal);
        Assert.DoesNotContain(theirs.Id.ToString(), text, StringComparison.Ordinal);
        Assert.DoesNotContain("crm-7", text, StringComparison.Ordinal);
        Assert.DoesNotContain("holding", text, StringComparison.OrdinalIgnoreCase); // nor the names it resembles
    }

    [Fact]
    public void Removing_a_registration_from_the_index_clears_its_conflicts()
    {
        var theirs = Registered("Acme", "acme.com");
        var index = CustomerIdentityIndex.Build([theirs], []);
        Assert.Equal(ConflictOutcome.Conflict, ConflictCheck.Check(Candidate("Acme", "acme.com"), index).Outcome);
        Assert.True(index.Remove(theirs.Id));
        Assert.Equal(0, index.Count);
        Assert.Equal(ConflictOutcome.Clear, ConflictCheck.Check(Candidate("Acme", "acme.com"), index).Outcome);
    }

    [Fact]
    public void Re_adding_a_registration_replaces_its_old_keys()
    {
        var index = CustomerIdentityIndex.Build([], []);
        var registration = Registered("Acme", "acme.com");
        index.Add(registration);
        index.Add(registration with { CustomerName = "Globex", CustomerDomain = "globex.com" });
        Assert.Equal(1, index.Count);
        Assert.Equal(ConflictOutcome.Clear, ConflictCheck.Check(Candidate("Acme", "acme.com"), index).Outcome);
        Assert.Equal(ConflictOutcome.Conflict, ConflictCheck.Check(Candidate("Globex", "globex.com"), index).Outcome);
    }
}
