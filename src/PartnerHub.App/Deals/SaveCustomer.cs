using Microsoft.EntityFrameworkCore;
using PartnerHub.App.Common;
using PartnerHub.App.Persistence;
using PartnerHub.Core.Common;

namespace PartnerHub.App.Deals;

/// <summary>
/// Records or updates one of the vendor's own customers by its CRM reference, so that registrations naming it are
/// caught as conflicts. The CRM sync of a later round calls this per customer.
/// </summary>
public sealed class SaveCustomer(PartnerHubDb db, DealIdentityIndex index)
{
    public sealed record Saved(string Reference, string Name, string? Domain, bool Changed);

    public async Task<Result<Saved>> HandleAsync(string reference, string name, string? domain, CancellationToken ct)
    {
        if (Access.VendorOnly(db.Actor, "record customers") is { } denied) return denied;
        var now = db.Clock.GetUtcNow();
        var key = reference?.Trim() ?? "";
        var customer = await db.Customers.FirstOrDefaultAsync(c => c.Reference == key, ct);
        bool changed;
        if (customer is null)
        {
            var created = Customer.Create(reference, name, domain, now);
            if (!created.IsSuccess) return created.Error;
            customer = created.Value;
            db.Customers.Add(customer);
            changed = true;
        }
        else
        {
            var updated = customer.Update(name, domain, now);
            if (!updated.IsSuccess) return updated.Error;
            changed = updated.Value;
        }

        if (changed)
        {
            await db.SaveChangesAsync(ct);
            index.Applied(customer);
        }

        return new Saved(customer.Reference, customer.Name, customer.Domain, changed);
    }
}
