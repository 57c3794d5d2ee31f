using PartnerHub.App.Persistence;
using PartnerHub.Core.Common;
using PartnerHub.Core.Partners;
using PartnerHub.Core.Prospects;

namespace PartnerHub.App.Prospects;

/// <summary>
/// A prospect's source and fit notes. Kept in a vendor-only record rather than on <see cref="Partner"/>: a partner user
/// reads its own partner row in the portal, and the vendor's notes on why it is (or is not) a fit must never reach it.
/// A partner without a profile has the empty profile at version 1, so a client always has a version to send.
/// </summary>
public sealed class ProspectProfile : IVendorOnly, IAudited
{
    public const int MaxNotes = 4000;

    private ProspectProfile()
    {
    }

    public PartnerId PartnerId { get; private set; }
    public ProspectSource? Source { get; private set; }
    public string? FitNotes { get; private set; }
    public int Version { get; private set; }
    public DateTimeOffset? UpdatedAt { get; private set; }
    public string? UpdatedBy { get; private set; }

    string IAudited.AuditEntity => "prospect-profile";

    string IAudited.AuditId => PartnerId.ToString();

    public static ProspectProfile Empty(PartnerId partner) => new() { PartnerId = partner, Version = 1 };

    public Result Update(string? source, string? fitNotes, int expectedVersion, string by, DateTimeOffset now)
    {
        var errors = new FieldErrors();
        ProspectSource? parsed = null;
        if (!string.IsNullOrWhiteSpace(source))
        {
            if (ProspectKeys.TryParse<ProspectSource>(source, out var s)) parsed = s;
            else errors.Add("source", $"Unknown source '{source.Trim()}'. Use one of: {string.Join(", ", ProspectKeys.All<ProspectSource>())}.");
        }

        var notes = Text.Block(errors, "fitNotes", fitNotes, MaxNotes)?.Trim();
        if (errors.Any) return errors.ToError();
        if (expectedVersion != Version)
            return Error.Conflict("stale_version", $"The prospect profile was changed by someone else (you sent version {expectedVersion}, it is now at version {Version}). Reload it and apply your change again.");
        if (parsed == Source && notes == FitNotes) return Result.Success;
        (Source, FitNotes, UpdatedBy, UpdatedAt) = (parsed, notes, by, now);
        Version++;
        return Result.Success;
    }

    public IReadOnlyDictionary<string, string?> AuditSnapshot() => new Dictionary<string, string?>
    {
        ["source"] = Source is { } s ? ProspectKeys.Key(s) : null,
        ["fitNotes"] = FitNotes,
    };
}
