using System.Diagnostics;
using PartnerHub.Core.Deals;
using PartnerHub.Core.Partners;

namespace PartnerHub.Bench;

/// <summary>
/// The conflict check in memory, one thread: an index of --rows active registrations, then --requests new names checked
/// in full (exact keys and close names) and on the exact keys alone. Peer: the close names of a few of them found by
/// measuring every name in the index (what the trigram index saves).
/// </summary>
public static class ConflictCheckBench
{
    private static readonly DateTimeOffset At = new(2026, 6, 30, 0, 0, 0, TimeSpan.Zero);

    public static void Run(Options options)
    {
        var rows = options.Rows;
        var checks = options.Requests ?? 3_000;
        var registrations = Enumerable.Range(0, rows)
            .Select(i => new ActiveRegistration(DealId.New(At), PartnerId.New(), CompanyNames.Name(i, options.Names) + " Ltd", null, At)).ToList();
        var heap = GC.GetTotalMemory(forceFullCollection: true);
        var clock = Stopwatch.StartNew();
        var index = CustomerIdentityIndex.Build(registrations, []);
        var built = clock.Elapsed;
        heap = GC.GetTotalMemory(forceFullCollection: true) - heap;
        Console.WriteLine($"conflict-check: {rows:N0} registrations ({options.Names} names), index built in {built.TotalSeconds:F1} s, holding {heap / 1048576.0:F0} MiB");

        var partner = PartnerId.New();
        var candidates = Enumerable.Range(rows, checks)
            .Select(i => new RegistrationCandidate(DealId.New(At), partner, CompanyNames.Name(i, options.Names) + " Ltd", null, At)).ToList();
        for (var round = 1; round <= 3; round++)
        {
            var (full, matches) = Time(candidates, c => ConflictCheck.Check(c, index).Matches.Count);
            var (exact, _) = Time(candidates, c => ConflictCheck.Check(c, index, closeNames: false).Matches.Count);
            Console.WriteLine($"  round {round}: full check {full:F3} ms each ({matches:N0} matches in all), exact keys only {exact:F4} ms each");
        }

        var sample = candidates.Take(20).ToList();
        var skeletons = registrations.Select(r => CompanyName.Normalize(r.CustomerName).Skeleton).ToList();
        var (scan, found) = Time(sample, c =>
        {
            var skeleton = CompanyName.Normalize(c.CustomerName).Skeleton;
            return skeletons.Count(s => NameSimilarity.IsClose(skeleton, s));
        });
        Console.WriteLine($"  peer: close names by measuring every name, {sample.Count} checks: {scan:F1} ms each ({found:N0} close names in all)");
    }

    private static (double MsEach, long Total) Time(List<RegistrationCandidate> candidates, Func<RegistrationCandidate, int> check)
    {
        var clock = Stopwatch.StartNew();
        long total = 0;
        foreach (var candidate in candidates) total += check(candidate);
        return (clock.Elapsed.TotalMilliseconds / candidates.Count, total);
    }
}
