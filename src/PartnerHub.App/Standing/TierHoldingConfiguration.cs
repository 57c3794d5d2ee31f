using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PartnerHub.App.Standing;

internal sealed class TierHoldingConfiguration : IEntityTypeConfiguration<TierHolding>
{
    public void Configure(EntityTypeBuilder<TierHolding> t)
    {
        t.ToTable("tier_holdings");
        t.HasKey(x => x.PartnerId);
        t.Property(x => x.Tier).HasMaxLength(100);
        t.Property(x => x.ProgramVersion).HasMaxLength(100);
        t.Property(x => x.Explanation).HasMaxLength(4000);
    }
}
