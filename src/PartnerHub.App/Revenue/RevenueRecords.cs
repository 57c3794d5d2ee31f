using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PartnerHub.App.Persistence;
using PartnerHub.Core.Partners;

namespace PartnerHub.App.Revenue;

/// <summary>
/// A referral code that attributes revenue to its partner (a link or coupon the partner hands out). Codes are unique
/// case-insensitively: stored upper case. A partner may have several; a code names one partner for good.
/// </summary>
public sealed class ReferralCodeRecord : IPartnerOwned
{
    public string Code { get; set; } = "";
    public PartnerId PartnerId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";

    public static string Normalize(string code) => code.Trim().ToUpperInvariant();
}

/// <summary>
/// The response an API request with an idempotency key received, kept so that a replay gets the same status and body,
/// and the same key with another body is recognised (by the request's hash) and refused.
/// </summary>
public sealed class IdempotentRequestRecord : IVendorOnly
{
    public long Id { get; set; }

    /// <summary>The endpoint family the key belongs to ("revenue-events", "revenue-events/batch"): keys of different endpoints never meet.</summary>
    public string Scope { get; set; } = "";
    public string Key { get; set; } = "";

    /// <summary>SHA-256 of the canonical request, hex.</summary>
    public string RequestHash { get; set; } = "";
    public int StatusCode { get; set; }
    public string ResponseJson { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
}

internal sealed class ReferralCodeConfiguration : IEntityTypeConfiguration<ReferralCodeRecord>
{
    public void Configure(EntityTypeBuilder<ReferralCodeRecord> e)
    {
        e.ToTable("referral_codes");
        e.HasKey(x => x.Code);
        e.Property(x => x.Code).HasMaxLength(50);
        e.Property(x => x.CreatedBy).HasMaxLength(254);
        e.HasOne<Partner>().WithMany().HasForeignKey(x => x.PartnerId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => x.PartnerId);
    }
}

internal sealed class IdempotentRequestConfiguration : IEntityTypeConfiguration<IdempotentRequestRecord>
{
    public void Configure(EntityTypeBuilder<IdempotentRequestRecord> e)
    {
        e.ToTable("idempotent_requests");
        e.HasKey(x => x.Id);
        e.Property(x => x.Scope).HasMaxLength(40);
        e.Property(x => x.Key).HasMaxLength(200);
        e.Property(x => x.RequestHash).HasMaxLength(64);
        e.HasIndex(x => new { x.Scope, x.Key }).IsUnique();
    }
}
