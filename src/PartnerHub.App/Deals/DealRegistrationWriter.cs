using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PartnerHub.App.Identity;
using PartnerHub.App.Persistence;
using PartnerHub.Core.Common;
using PartnerHub.Core.Deals;
using PartnerHub.Core.Partners;

namespace PartnerHub.App.Deals;

/// <summary>
/// Checks new registrations for a blocking conflict and stores them with group commit
/// (<see cref="GroupCommit{TItem,TAnswer}"/>). A group claims all its customers at once (<see cref="CustomerClaim"/>),
/// then checks and inserts its registrations one after the other in one transaction: each check reads the ones before
/// it, so of two partners registering one customer exactly one is first, in one group, in two, or on two instances.
/// On SQLite the claim is the one write lock and the commit an fsync: a group holds the one and pays the other once
/// for all its registrations, where each registration paid both alone.
/// </summary>
public sealed class DealRegistrationWriter(IServiceScopeFactory scopes, DealIdentityIndex index)
    : GroupCommit<DealRegistrationWriter.Pending, Result>(scopes, MaxGroup)
{
    public const int MaxGroup = 100;

    public sealed record Pending(DealRegistration Deal, RegistrationCandidate Candidate, Actor Actor);

    /// <summary>Stores <paramref name="deal"/> as <paramref name="actor"/> unless its customer is already protected; answers after the commit.</summary>
    public async Task<Result> WriteAsync(DealRegistration deal, RegistrationCandidate candidate, Actor actor, CancellationToken ct) =>
        (await SubmitAsync([new Pending(deal, candidate, actor)], ct))[0];

    protected override async Task<Result[]> WriteGroupAsync(IServiceProvider services, IReadOnlyList<Pending> group)
    {
        var db = services.GetRequiredService<PartnerHubDb>();
        var ct = CancellationToken.None;
        // No savepoint for the save: a registration refused here writes nothing, and any failure fails the group (a lost
        // race on an external id rolls it back and writes it again, where the id is found taken).
        db.Database.AutoSavepointsEnabled = false;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var identities = group.Select(p => CustomerIdentity.Of(p.Candidate.CustomerName, p.Candidate.CustomerDomain)).ToList();
        await CustomerClaim.TakeAsync(db, identities, ct);
        var takenIds = await ExternalIdsTakenAsync(db, group, ct);
        await index.ReadExactMatchesAsync(db, identities, ct);

        // The group's own registrations, not committed yet: checked here, added to the shared index after the commit.
        var ofThisGroup = CustomerIdentityIndex.Build([], []);
        var answers = new Result[group.Count];
        var stored = new List<DealRegistration>();
        for (var i = 0; i < group.Count; i++)
        {
            var (deal, candidate, actor) = group[i];
            if (deal.ExternalId is { } externalId && takenIds.Contains((deal.PartnerId, externalId)))
            {
                answers[i] = RegisterDeal.ExternalIdTaken(externalId);
                continue;
            }

            var blocking = await index.CheckExactKeysAsReadAsync(db, candidate, ct);
            if (blocking.Outcome != ConflictOutcome.Conflict) blocking = ConflictCheck.Check(candidate, ofThisGroup, closeNames: false);
            if (blocking.Outcome == ConflictOutcome.Conflict)
            {
                answers[i] = DealErrors.CustomerAlreadyProtected(blocking.ForPartner(), RegisterDeal.BlockingField(blocking));
                continue;
            }

            db.AddOnBehalfOf(actor, deal); // its audit entry names its own request
            ofThisGroup.Add(ActiveRegistration.From(deal));
            if (deal.ExternalId is { } kept) takenIds.Add((deal.PartnerId, kept));
            stored.Add(deal);
        }

        await db.SaveChangesAsync(ct); // one save for the group: on PostgreSQL three round trips, not three per registration
        await transaction.CommitAsync(ct);
        index.Applied(stored);
        return answers;
    }

    /// <summary>The (partner, external id) pairs of the group already stored: one statement for the group.</summary>
    private static async Task<HashSet<(PartnerId, string)>> ExternalIdsTakenAsync(PartnerHubDb db, IReadOnlyList<Pending> group, CancellationToken ct)
    {
        var named = group.Where(p => p.Deal.ExternalId is not null).Select(p => p.Deal).ToList();
        if (named.Count == 0) return [];
        var ids = named.Select(d => d.ExternalId!).Distinct().ToList();
        var partners = named.Select(d => d.PartnerId).Distinct().ToList();
        var stored = await db.DealRegistrations.IgnoreQueryFilters().AsNoTracking()
            .Where(d => d.ExternalId != null && ids.Contains(d.ExternalId) && partners.Contains(d.PartnerId))
            .Select(d => new { d.PartnerId, d.ExternalId }).ToListAsync(ct);
        return stored.Select(d => (d.PartnerId, d.ExternalId!)).ToHashSet();
    }
}
