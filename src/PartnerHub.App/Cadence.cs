namespace PartnerHub.App;

/// <summary>
/// The beats of a fixed interval on a <see cref="TimeProvider"/>, for a loop that runs a pass on each. Like a
/// <see cref="PeriodicTimer"/>, a beat that passed while a pass ran comes at once. Unlike it, a cadence that fell
/// behind, or a clock moved days ahead at once (a test's), starts again from now: <c>FakeTimeProvider</c> fires a periodic
/// timer once for every interval it skipped, which for the SQLite checkpointer's 250 ms was ten million times a month.
/// </summary>
public sealed class Cadence(TimeSpan interval, TimeProvider clock)
{
    private DateTimeOffset _due = clock.GetUtcNow() + interval;

    public async Task WaitAsync(CancellationToken ct)
    {
        var wait = _due - clock.GetUtcNow();
        if (wait < TimeSpan.Zero) (_due, wait) = (clock.GetUtcNow(), TimeSpan.Zero);
        _due += interval;
        await Task.Delay(wait, clock, ct);
    }
}
