using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace PartnerHub.App.Persistence;

/// <summary>
/// One row a save will write: a tracked entity that is added, modified or deleted, or a new entity handed to the save
/// untracked (<see cref="Entry"/> null, always <see cref="EntityState.Added"/>). The scope check, the audit recorder and
/// the outbox read these, so their rules cover both kinds alike.
/// </summary>
internal readonly record struct PendingWrite(object Entity, EntityState State, EntityEntry? Entry);
