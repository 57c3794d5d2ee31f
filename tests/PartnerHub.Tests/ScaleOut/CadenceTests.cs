using Microsoft.Extensions.Time.Testing;
using PartnerHub.App;

namespace PartnerHub.Tests.ScaleOut;

/// <summary>The jobs' and the checkpointer's interval: beats on time, and a clock that jumps costs one beat, not one per interval skipped.</summary>
public sealed class CadenceTests
{
    private static readonly TimeSpan Beat = TimeSpan.FromMilliseconds(250);

    [Fact]
    public async Task It_beats_each_interval_and_after_a_jump_once_then_on_from_there()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var cadence = new Cadence(Beat, clock);

        var first = cadence.WaitAsync(CancellationToken.None);
        clock.Advance(Beat - TimeSpan.FromMilliseconds(1));
        Assert.False(first.IsCompleted); // not early
        clock.Advance(TimeSpan.FromMilliseconds(1));
        await first.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);

        clock.Advance(TimeSpan.FromDays(31)); // ten million beats skipped
        Assert.True(cadence.WaitAsync(CancellationToken.None).IsCompleted); // one beat now, at once
        var next = cadence.WaitAsync(CancellationToken.None);
        Assert.False(next.IsCompleted); // then the cadence goes on from the jump
        clock.Advance(Beat);
        await next.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
    }
}
