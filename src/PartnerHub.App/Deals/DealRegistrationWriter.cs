using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PartnerHub.App.Identity;
using PartnerHub.App.Persistence;
using PartnerHub.Core.Common;
using PartnerHub.Core.Deals;

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
        db.Database.AutoSavepointsEnabled = false; // one savepoint per registration, set below
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await CustomerClaim.TakeAsync(db, group.Select(p => CustomerIdentity.Of(p.Candidate.CustomerName, p.Candidate.CustomerDomain)), ct);

        var answers = new Result[group.Count];
        var stored = new List<DealRegistration>();
        for (var i = 0; i < group.Count; i++)
        {
            var (deal, candidate, actor) = group[i];
            var blocking = await index.CheckExactKeysAsync(db, candidate, ct);
            if (blocking.Outcome == ConflictOutcome.Conflict)
            {
                answers[i] = DealErrors.CustomerAlreadyProtected(blocking.ForPartner(), RegisterDeal.BlockingField(blocking));
                continue;
            }

            db.Actor.ActLike(actor);
            // Not released after the registration: the commit ends them all. Rolling back to "deal" goes to the latest
            // savepoint of that name, this registration's, on SQLite and PostgreSQL alike.
            await transaction.CreateSavepointAsync("deal", ct);
            db.DealRegistrations.Add(deal);
            try
            {
                await db.SaveChangesAsync(ct);
                stored.Add(deal);
            }
            catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
            {
                await transaction.RollbackToSavepointAsync("deal", ct);
                db.Entry(deal).State = EntityState.Detached;
                answers[i] = RegisterDeal.ExternalIdTaken(deal.ExternalId!); // the only unique key a new registration can collide on
            }
        }

        await transaction.CommitAsync(ct);
        index.Applied(stored);
        return answers;
    }
}
