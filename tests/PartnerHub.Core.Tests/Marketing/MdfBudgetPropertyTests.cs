using CsCheck;
using PartnerHub.Core.Common;
using PartnerHub.Core.Marketing;

namespace PartnerHub.Core.Tests.Marketing;

/// <summary>
/// The MDF budget rule as a property: whatever the sequence of requests, approvals, rejections, claims and claim
/// decisions (with any amounts), the sum of approved claims of a period never exceeds its budget, no claim pays more
/// than its activity's approval, and approved activities plus paid claims never overcommit the budget.
/// </summary>
public sealed class MdfBudgetPropertyTests
{
    private abstract record Op;
    private sealed record RequestOp(long Amount) : Op;
    private sealed record ApproveOp(int Activity, long Amount) : Op;
    private sealed record RejectOp(int Activity) : Op;
    private sealed record ClaimOp(int Activity, long Amount) : Op;
    private sealed record PayOp(int Activity) : Op;
    private sealed record RejectClaimOp(int Activity) : Op;

    private sealed class Activity(Money asked)
    {
        public Money Asked { get; } = asked;
        public MdfStatus Status { get; set; } = MdfStatus.Requested;
        public Money? Approved { get; set; }
        public Money? Claim { get; set; }
        public Money? Paid { get; set; }
        public MdfActivityState State => new(Status, Approved, Paid);
    }

    private static readonly Gen<Op> AnyOp = Gen.Frequency(
        (3, Gen.Long[-1_000, 2_000_000].Select(a => (Op)new RequestOp(a))),
        (3, Gen.Select(Gen.Int[0, 15], Gen.Long[-1_000, 2_000_000]).Select(t => (Op)new ApproveOp(t.Item1, t.Item2))),
        (1, Gen.Int[0, 15].Select(i => (Op)new RejectOp(i))),
        (3, Gen.Select(Gen.Int[0, 15], Gen.Long[-1_000, 2_000_000]).Select(t => (Op)new ClaimOp(t.Item1, t.Item2))),
        (3, Gen.Int[0, 15].Select(i => (Op)new PayOp(i))),
        (1, Gen.Int[0, 15].Select(i => (Op)new RejectClaimOp(i))));

    [Fact]
    public void Approved_claims_never_exceed_the_period_budget_whatever_the_sequence()
    {
        Gen.Select(Gen.Long[0, 5_000_000], AnyOp.List[1, 60]).Sample((budgetMinor, ops) =>
        {
            var budget = new Money(budgetMinor, Currency.Usd);
            var activities = new List<Activity>();
            MdfPosition Position() => MdfRules.Position(budget, activities.Select(a => a.State));
            Activity? At(int i) => i < activities.Count ? activities[i] : null;

            foreach (var op in ops)
            {
                switch (op)
                {
                    case RequestOp r:
                        if (MdfRules.CheckAsk(Position(), new Money(r.Amount, Currency.Usd), "amount", "2026-Q3").IsSuccess)
                            activities.Add(new Activity(new Money(r.Amount, Currency.Usd)));
                        break;
                    case ApproveOp a when At(a.Activity) is { Status: MdfStatus.Requested } act:
                        var amount = new Money(Math.Min(a.Amount, act.Asked.Minor), Currency.Usd);
                        if (MdfRules.CheckAsk(Position(), amount, "amount", "2026-Q3").IsSuccess) (act.Status, act.Approved) = (MdfStatus.Approved, amount);
                        break;
                    case RejectOp r when At(r.Activity) is { Status: MdfStatus.Requested } act:
                        act.Status = MdfStatus.Rejected;
                        break;
                    case ClaimOp c when At(c.Activity) is { Status: MdfStatus.Approved or MdfStatus.ClaimRejected } act:
                        var claim = new Money(c.Amount, Currency.Usd);
                        if (MdfRules.CheckClaim(Position(), act.Approved!.Value, claim, "2026-Q3").IsSuccess) (act.Status, act.Claim) = (MdfStatus.Claimed, claim);
                        break;
                    case PayOp p when At(p.Activity) is { Status: MdfStatus.Claimed } act:
                        // Checked again at payment, as DecideMdfClaim does: the position may have moved since the claim.
                        if (MdfRules.CheckClaim(Position(), act.Approved!.Value, act.Claim!.Value, "2026-Q3").IsSuccess) (act.Status, act.Paid) = (MdfStatus.Paid, act.Claim);
                        break;
                    case RejectClaimOp r when At(r.Activity) is { Status: MdfStatus.Claimed } act:
                        act.Status = MdfStatus.ClaimRejected;
                        break;
                }

                var position = Position();
                var paid = activities.Where(a => a.Status == MdfStatus.Paid).Sum(a => a.Paid!.Value.Minor);
                Assert.True(paid <= budgetMinor, $"paid {paid} > budget {budgetMinor}");
                Assert.Equal(paid, position.Paid.Minor);
                Assert.True(position.Paid.Minor + position.Committed.Minor <= budgetMinor, $"paid + committed {position.Paid.Minor + position.Committed.Minor} > budget {budgetMinor}");
                Assert.All(activities.Where(a => a.Paid is not null), a => Assert.True(a.Paid!.Value <= a.Approved!.Value && a.Paid.Value.Minor > 0));
                Assert.True(position.Available.Minor >= 0);
            }
        });
    }

    [Fact]
    public void A_budget_that_shrinks_below_what_was_committed_still_pays_no_more_than_the_budget()
    {
        // A back-dated revenue correction can lower a period's budget after approvals; the claim check holds the line.
        Gen.Select(Gen.Long[1, 1_000_000], Gen.Long[1, 1_000_000], Gen.Long[0, 1_000_000]).Sample((approved, claim, budget) =>
        {
            var position = MdfRules.Position(new Money(budget, Currency.Usd), [new MdfActivityState(MdfStatus.Claimed, new Money(approved, Currency.Usd), null)]);
            var ok = MdfRules.CheckClaim(position, new Money(approved, Currency.Usd), new Money(claim, Currency.Usd), "2026").IsSuccess;
            Assert.Equal(claim <= approved && claim <= budget, ok);
        });
    }
}
