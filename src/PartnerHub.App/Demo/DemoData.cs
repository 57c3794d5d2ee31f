using Microsoft.EntityFrameworkCore;
using PartnerHub.App.Partners;
using PartnerHub.App.Persistence;

namespace PartnerHub.App.Demo;

/// <summary>Loads the demo ecosystem into an empty database; never touches a database that already has partners.</summary>
public sealed class DemoData(PartnerHubDb db, SavePartner save)
{
    public async Task<bool> LoadIfEmptyAsync(CancellationToken ct)
    {
        if (await db.Partners.IgnoreQueryFilters().AnyAsync(ct)) return false;
        db.Actor.ActAs("system", "demo");
        var today = DateOnly.FromDateTime(db.Clock.GetUtcNow().UtcDateTime);
        foreach (var details in DemoEcosystem.Partners(today))
        {
            var result = await save.CreateAsync(details, ct);
            if (!result.IsSuccess) throw new InvalidOperationException($"Demo partner {details.Name} is invalid: {result.Error.Message} {string.Join("; ", result.Error.Fields?.SelectMany(f => f.Value) ?? [])}");
        }

        return true;
    }
}
