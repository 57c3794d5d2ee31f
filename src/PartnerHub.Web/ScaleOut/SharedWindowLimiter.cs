using System.Diagnostics;
using System.Threading.RateLimiting;
using PartnerHub.App.ScaleOut;

namespace PartnerHub.Web.ScaleOut;

/// <summary>
/// An ASP.NET Core rate limiter whose count lives in the database (<see cref="SharedRateCounter"/>), for several
/// instances. The synchronous <see cref="AttemptAcquireCore"/> cannot ask the database, so it declines without
/// counting; the rate-limiting middleware then awaits <see cref="AcquireAsyncCore"/>, which counts and decides.
/// </summary>
internal sealed class SharedWindowLimiter(SharedRateCounter counter, string key, int limit, TimeSpan window) : RateLimiter
{
    private long _lastUsed = Stopwatch.GetTimestamp();

    public override TimeSpan? IdleDuration => Stopwatch.GetElapsedTime(Interlocked.Read(ref _lastUsed));

    public override RateLimiterStatistics? GetStatistics() => null;

    protected override RateLimitLease AttemptAcquireCore(int permitCount) => Lease.Undecided;

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        Interlocked.Exchange(ref _lastUsed, Stopwatch.GetTimestamp());
        if (permitCount == 0) return Lease.Granted;
        var wait = await counter.TryTakeAsync(key, limit, window, cancellationToken);
        return wait is null ? Lease.Granted : new Lease(false, wait);
    }

    private sealed class Lease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public static readonly Lease Granted = new(true, null);
        public static readonly Lease Undecided = new(false, null);

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = retryAfter;
            return retryAfter is not null && metadataName == MetadataName.RetryAfter.Name;
        }
    }
}
