using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using PartnerHub.App.Identity;
using PartnerHub.App.Persistence;
using PartnerHub.Core.Insight;

namespace PartnerHub.App.Insight;

/// <summary>
/// Mails the weekly and monthly digests of the periods that ended last to every program administrator and partner
/// manager who has not had them yet. A recipient is recorded right after the mail server accepts the mail, so a failed
/// send is retried at the next run and a sent one never repeats.
/// </summary>
public sealed class SendDigests(PartnerHubDb db, UserManager<AppUser> users, BuildDigest build, IMailSender mail, IConfiguration configuration)
{
    public static readonly string[] RecipientRoles = [Roles.ProgramAdmin, Roles.PartnerManager];

    /// <summary>Where links in a mail point: <c>PublicUrl</c>, else the first of <c>Urls</c>, else the default address.</summary>
    public string BaseUrl => configuration["PublicUrl"] ?? configuration["Urls"]?.Split(';')[0] ?? "http://localhost:5080";

    /// <summary>How many mails were sent.</summary>
    public async Task<int> HandleAsync(CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(db.Clock.GetUtcNow().UtcDateTime);
        var recipients = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var role in RecipientRoles)
            foreach (var user in await users.GetUsersInRoleAsync(role))
                if (user.Email is { } email && (user.LockoutEnd is null || user.LockoutEnd < db.Clock.GetUtcNow())) recipients.Add(email); // locked-out users get nothing

        var sent = 0;
        foreach (var kind in Enum.GetValues<DigestKind>())
        {
            var period = DigestPeriod.LatestEnded(kind, today);
            var done = await db.Set<DigestDelivery>().AsNoTracking().Where(d => d.Kind == kind && d.Period == period.Key).Select(d => d.Recipient).ToListAsync(ct);
            var pending = recipients.Except(done, StringComparer.OrdinalIgnoreCase).ToList();
            if (pending.Count == 0) continue;
            var digest = await build.HandleAsync(period, ct);
            var body = digest.Body(BaseUrl);
            foreach (var recipient in pending)
            {
                await mail.SendAsync(recipient, digest.Subject, body, ct);
                db.Add(DigestDelivery.Record(period, recipient, db.Clock.GetUtcNow()));
                await db.SaveChangesAsync(ct);
                sent++;
            }
        }

        return sent;
    }
}
