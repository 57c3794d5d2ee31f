using PartnerHub.Core.Deals;

namespace PartnerHub.Core.Tests.Deals;

public sealed class RegistrationPriorityTests
{
    private static readonly DateTimeOffset T = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_earlier_submission_wins_whichever_order_they_are_given()
    {
        var early = new RegistrationClaim(new DealId(Guid.Parse("ffffffff-0000-7000-8000-000000000000")), T);
        var late = new RegistrationClaim(new DealId(Guid.Parse("00000000-0000-7000-8000-000000000000")), T.AddTicks(1));
        Assert.Equal(early, RegistrationPriority.FirstWins(early, late).Winner);
        Assert.Equal(early, RegistrationPriority.FirstWins(late, early).Winner);
        Assert.Contains("before", RegistrationPriority.FirstWins(late, early).Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Instants_compare_in_UTC_not_by_their_local_offset()
    {
        // 10:00 at +02:00 is 08:00 UTC: earlier than 09:00 UTC although its clock reading is later.
        var paris = new RegistrationClaim(DealId.New(T), new DateTimeOffset(2025, 3, 1, 10, 0, 0, TimeSpan.FromHours(2)));
        var london = new RegistrationClaim(DealId.New(T), T);
        Assert.Equal(paris, RegistrationPriority.FirstWins(london, paris).Winner);
    }

    [Fact]
    public void A_tie_goes_to_the_lower_id_in_both_orders()
    {
        var low = new RegistrationClaim(new DealId(Guid.Parse("01900000-0000-7000-8000-000000000001")), T);
        var high = new RegistrationClaim(new DealId(Guid.Parse("01900000-0000-7000-8000-000000000002")), T.ToOffset(TimeSpan.FromHours(5)));
        Assert.Equal(low, RegistrationPriority.FirstWins(low, high).Winner);
        Assert.Equal(low, RegistrationPriority.FirstWins(high, low).Winner);
        Assert.Contains("tie", RegistrationPriority.FirstWins(high, low).Explanation, StringComparison.Ordinal);
    }
}
