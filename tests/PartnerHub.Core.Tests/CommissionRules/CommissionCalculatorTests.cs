
using PartnerHub.Core.Common;
using PartnerHub.Core.Facts;
using PartnerHub.Core.Ledger;
using PartnerHub.Core.Partners;
using PartnerHub.Core.Tests.Programs;

namespace PartnerHub.Core.Tests.CommissionRules;

/// <summary>
/// Golden commissions for each of the seed's revenue models under programs/default.yaml, every number computed by hand
/// in the comments. The basis is "collected": payments accrue, bookings and invoices do not.
/// </summary>
public sealed class CommissionCalculatorTests
{
    private static readonly Currency Usd = Currency.Usd;

    private static Money Usd_(long minor) => new(minor, Usd);

    private static CommissionPartner Partner(string category, string subcategory, string? model = null, params RateOverride[] overrides) =>
        new(category, subcategory, new Agreement(model, overrides, new DateOnly(2024, 1, 1), null));

    private static CommissionDecision Compute(CommissionPartner partner, StandingAtDate standing, CustomerHistory customer, RevenueKind kind, DateOnly on, long minor) =>
        CommissionCalculator.Compute(DefaultProgram.Program, "v1", partner, standing, customer, new CommissionEvent(kind, on, Usd_(minor)));

    [Fact]
    public void Revenue_share_is_the_tier_rate_plus_certification_uplift_within_24_months_of_the_first_payment()
    {
        // Integration partner (technology/integration: revenue-share first), Preferred, Advanced certification:
        // byTier.preferred 15% + certificationUplift.advanced 2 points = 17%. 17% of $1,234.56 = $209.8752 → $209.88.
        var partner = Partner("technology", "integration");
        var standing = new StandingAtDate("preferred", "advanced", 30_000_00);
        var first = new DateOnly(2026, 1, 10);
        var d = Compute(partner, standing, new CustomerHistory(true, first, false), RevenueKind.Payment, new DateOnly(2026, 3, 5), 1_234_56);

        var part = Assert.Single(d.Parts);
        Assert.Equal(("revenue-share", 17m, 20_988L, LedgerAccount.CommissionExpense), (d.RevenueModel, part.Basis.Percent!.Value, part.Basis.Amount.Minor, part.Expense));
        Assert.Equal(("preferred", "v1", 1_234_56L), (part.Basis.Tier, part.Basis.ProgramVersion, part.Basis.BaseAmount.Minor));
        Assert.Contains("17% of 1,234.56 USD = 209.88 USD, within 24 months of the customer's first payment on 2026-01-10", part.Basis.Explanation);
        Assert.Contains("Tier held on 2026-03-05: Preferred", part.Basis.Explanation);

        // 24 months from 2024-03-05 run to 2026-03-04 inclusive: the 4th still earns, the 5th does not.
        var old = new CustomerHistory(true, new DateOnly(2024, 3, 5), false);
        Assert.Single(Compute(partner, standing, old, RevenueKind.Payment, new DateOnly(2026, 3, 4), 1_000_00).Parts);
        var after = Compute(partner, standing, old, RevenueKind.Payment, new DateOnly(2026, 3, 5), 1_000_00);
        Assert.Empty(after.Parts);
        Assert.Contains("until 2026-03-04", after.Explanation);
    }

    [Fact]
    public void Revenue_share_for_an_agency_uses_the_subcategory_and_tier_rate_and_an_agreement_override_is_all_in()
    {
        // Marketing agency, Strategic, Elite: bySubcategory.marketing-agencies.byTier.strategic 25% + elite 5 points = 30%.
        // 30% of $1,000.00 = $300.00.
        var standing = new StandingAtDate("strategic", "elite", 0);
        var agency = Compute(Partner("business", "marketing-agencies"), standing, new CustomerHistory(true, new DateOnly(2026, 1, 1), true), RevenueKind.Payment, new DateOnly(2026, 1, 1), 1_000_00);
        Assert.Equal((30m, 300_00L), (agency.Parts[0].Basis.Percent, agency.Parts[0].Basis.Amount.Minor));

        // The same agency with 12.5% agreed: no uplift. 12.5% of $999.99 = $124.99875 → $125.00 (half away from zero).
        var agreed = Compute(Partner("business", "marketing-agencies", null, new RateOverride("revenue-share", 12.5m)), standing,
            new CustomerHistory(true, new DateOnly(2026, 1, 1), true), RevenueKind.Payment, new DateOnly(2026, 1, 1), 999_99);
        Assert.Equal((12.5m, 125_00L), (agreed.Parts[0].Basis.Percent, agreed.Parts[0].Basis.Amount.Minor));
        Assert.Contains("agreed in the partner's agreement", agreed.Parts[0].Basis.Explanation);
    }

    [Fact]
    public void Referral_commission_pays_the_flat_bounty_on_the_first_payment_and_a_share_of_first_year_revenue()
    {
        // Referral partner (channel/referral: referral-commission), Standard: byTier.standard 10%, flat $250.00, 12 months.
        var partner = Partner("channel", "referral");
        var standing = new StandingAtDate("standard", null, 0);
        var first = new DateOnly(2026, 2, 1);

        // First payment $800.00: 10% = $80.00, plus the $250.00 bounty = $330.00 in two accruals.
        var d = Compute(partner, standing, new CustomerHistory(true, first, true), RevenueKind.Payment, first, 800_00);
        Assert.Equal([("", 8_000L, (decimal?)10m), (":flat", 25_000L, null)], d.Parts.Select(p => (p.Suffix, p.Basis.Amount.Minor, p.Basis.Percent)));
        Assert.Equal(330_00L, d.Total(Usd).Minor);

        // A later payment of $500.00 in the first year: $50.00, no bounty. After 12 months (2027-02-01): nothing.
        var second = Compute(partner, standing, new CustomerHistory(true, first, false), RevenueKind.Payment, new DateOnly(2026, 8, 1), 500_00);
        Assert.Equal(5_000L, Assert.Single(second.Parts).Basis.Amount.Minor);
        Assert.Empty(Compute(partner, standing, new CustomerHistory(true, first, false), RevenueKind.Payment, new DateOnly(2027, 2, 1), 500_00).Parts);

        // No customer named: the share is paid, the bounty is not (a first payment cannot be told).
        var anonymous = Compute(partner, standing, CustomerHistory.Unknown(first), RevenueKind.Payment, first, 800_00);
        Assert.Equal(8_000L, Assert.Single(anonymous.Parts).Basis.Amount.Minor);
        Assert.Contains("No flat", anonymous.Explanation);
    }

    [Fact]
    public void Reseller_discount_is_the_margin_between_list_and_partner_price_with_volume_points()
    {
        // Reseller, Preferred: byTier.preferred 25%; trailing volume $60,000.00 is in the band 50,000.00–249,999.99: +2 = 27%.
        // List $10,000.00: margin 27% = $2,700.00, partner price $7,300.00, booked to reseller_margin_expense.
        var partner = Partner("channel", "resellers");
        var d = Compute(partner, new StandingAtDate("preferred", null, 60_000_00), new CustomerHistory(true, new DateOnly(2026, 1, 1), true),
            RevenueKind.Payment, new DateOnly(2026, 4, 1), 10_000_00);
        var part = Assert.Single(d.Parts);
        Assert.Equal((27m, 2_700_00L, LedgerAccount.ResellerMarginExpense), (part.Basis.Percent!.Value, part.Basis.Amount.Minor, part.Expense));
        Assert.Contains("List price 10,000.00 USD, partner price 7,300.00 USD: margin 2,700.00 USD", part.Basis.Explanation);

        // Strategic with $300,000.00 of volume: 30% + 5 = 35% of $1,000.00 = $350.00. Discounts have no month window.
        var big = Compute(partner, new StandingAtDate("strategic", null, 300_000_00), new CustomerHistory(true, new DateOnly(2020, 1, 1), false),
            RevenueKind.Payment, new DateOnly(2026, 4, 1), 1_000_00);
        Assert.Equal((35m, 350_00L), (big.Parts[0].Basis.Percent, big.Parts[0].Basis.Amount.Minor));
    }

    [Fact]
    public void Volume_discount_pays_only_from_the_first_paying_band_as_a_rebate()
    {
        // Cloud infrastructure (volume-discount first): percent 0. Volume $40,000.00 is in the 0-point band: nothing.
        var partner = Partner("technology", "cloud-infrastructure");
        var none = Compute(partner, new StandingAtDate("standard", null, 40_000_00), new CustomerHistory(true, new DateOnly(2026, 1, 1), true),
            RevenueKind.Payment, new DateOnly(2026, 4, 1), 2_000_00);
        Assert.Empty(none.Parts);
        Assert.Equal("volume-discount", none.RevenueModel);

        // Volume $120,000.00: +5 points. 5% of $2,000.00 = $100.00, booked to volume_rebate_expense.
        var rebate = Compute(partner, new StandingAtDate("standard", null, 120_000_00), new CustomerHistory(true, new DateOnly(2026, 1, 1), true),
            RevenueKind.Payment, new DateOnly(2026, 4, 1), 2_000_00);
        var part = Assert.Single(rebate.Parts);
        Assert.Equal((5m, 100_00L, LedgerAccount.VolumeRebateExpense), (part.Basis.Percent!.Value, part.Basis.Amount.Minor, part.Expense));
    }

    [Fact]
    public void Certification_fee_is_owed_by_partners_whose_models_include_it()
    {
        // Technology consultants list certification-fee: the Advanced level costs $1,000.00, Elite $2,500.00.
        var consultant = Partner("business", "technology-consultants");
        var fee = CommissionCalculator.CertificationFee(DefaultProgram.Program, "v1", consultant, "advanced", new DateOnly(2026, 5, 1));
        Assert.NotNull(fee);
        Assert.Equal(("certification-fee", 1_000_00L), (fee.Value.Model.Key, fee.Value.Fee.Minor));
        Assert.Contains("Advanced", fee.Value.Explanation);
        Assert.Equal(2_500_00L, CommissionCalculator.CertificationFee(DefaultProgram.Program, "v1", consultant, "elite", new DateOnly(2026, 5, 1))!.Value.Fee.Minor);

        // An integration partner does not pay certification fees; an agreement on the fee model does.
        Assert.Null(CommissionCalculator.CertificationFee(DefaultProgram.Program, "v1", Partner("technology", "integration"), "advanced", new DateOnly(2026, 5, 1)));
        Assert.NotNull(CommissionCalculator.CertificationFee(DefaultProgram.Program, "v1", Partner("technology", "integration", "certification-fee"), "certified", new DateOnly(2026, 5, 1)));
    }

    [Theory]
    [InlineData(RevenueKind.Booking)]
    [InlineData(RevenueKind.Invoice)]
    [InlineData(RevenueKind.Refund)]
    public void Only_collected_revenue_accrues(RevenueKind kind)
    {
        var d = Compute(Partner("technology", "integration"), new StandingAtDate("standard", null, 0), new CustomerHistory(true, new DateOnly(2026, 1, 1), true),
            kind, new DateOnly(2026, 1, 1), 1_000_00);
        Assert.Empty(d.Parts);
        Assert.Contains("collected revenue (payments)", d.Explanation);
    }

    [Fact]
    public void An_arrangement_in_the_agreement_earns_nothing_and_says_why()
    {
        var d = Compute(Partner("technology", "integration", "co-marketing"), new StandingAtDate("standard", null, 0),
            new CustomerHistory(true, new DateOnly(2026, 1, 1), true), RevenueKind.Payment, new DateOnly(2026, 1, 1), 1_000_00);
        Assert.Empty(d.Parts);
        Assert.Contains("an arrangement", d.Explanation);
    }

    [Fact]
    public void Partial_refunds_claw_back_proportionally_and_in_full_exactly()
    {
        // $209.88 accrued on a $1,234.56 payment. Refund $234.56: round(20988 × 23456 / 123456) = round(3987.61) = 3988.
        // Refund the remaining $1,000.00: 20988 − 3988 = 17000. Together exactly the accrual.
        Assert.Equal(3_988L, CommissionCalculator.ClawbackMinor(20_988, 1_234_56, 0, 234_56));
        Assert.Equal(17_000L, CommissionCalculator.ClawbackMinor(20_988, 1_234_56, 234_56, 1_000_00));
        // A refund beyond the payment takes nothing more.
        Assert.Equal(0L, CommissionCalculator.ClawbackMinor(20_988, 1_234_56, 1_234_56, 50_00));
    }

    [Fact]
    public void Any_split_of_a_refund_claws_back_exactly_the_accrual()
    {
        var random = new Random(7);
        for (var run = 0; run < 500; run++)
        {
            var payment = random.NextInt64(1, 10_000_000);
            var accrued = random.NextInt64(1, payment + 1);
            long refunded = 0, clawed = 0;
            while (refunded < payment)
            {
                var refund = Math.Min(payment - refunded, random.NextInt64(1, payment + 1));
                clawed += CommissionCalculator.ClawbackMinor(accrued, payment, refunded, refund);
                refunded += refund;
            }

            Assert.Equal(accrued, clawed);
        }
    }
}
