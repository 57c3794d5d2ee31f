namespace PartnerHub.Core.Programs.Yaml;

/// <summary>
/// Checks that inclusive [min, max] bands, lowest first, cover every amount exactly once: the lowest is open below,
/// the highest open above, and each band starts one minor unit after the previous one ends.
/// </summary>
internal static class Bands
{
    public sealed record Band(string Label, long? Min, long? Max, YNode Node);

    public static void CheckTiling(ProblemSink sink, IReadOnlyList<Band> lowestFirst, Func<long, string> money, string what)
    {
        for (var i = 0; i < lowestFirst.Count; i++)
        {
            var band = lowestFirst[i];
            if (band.Min is { } min && band.Max is { } max && min > max)
                sink.Add(band.Node, $"{band.Node.Path}: min {money(min)} is greater than max {money(max)}.");
        }

        if (lowestFirst.Count == 0) return;
        var lowest = lowestFirst[0];
        if (lowest.Min is { } floor)
            sink.Add(lowest.Node, $"{lowest.Node.Path}: {lowest.Label} is the lowest {what} and must have no min (it takes everything below {money(floor)} too).");
        var highest = lowestFirst[^1];
        if (highest.Max is { } ceiling)
            sink.Add(highest.Node, $"{highest.Node.Path}: {highest.Label} is the highest {what} and must have no max (nothing would hold amounts above {money(ceiling)}).");

        for (var i = 1; i < lowestFirst.Count; i++)
        {
            var (below, above) = (lowestFirst[i - 1], lowestFirst[i]);
            if (below.Max is not { } end)
            {
                sink.Add(below.Node, $"{below.Node.Path}: {below.Label} needs a max, because {above.Label} is above it.");
                continue;
            }

            if (above.Min is not { } start)
            {
                sink.Add(above.Node, $"{above.Node.Path}: {above.Label} needs a min, because {below.Label} is below it.");
                continue;
            }

            if (start > end + 1)
                sink.Add(above.Node, $"{above.Node.Path}: gap between {what}s: amounts from {money(end + 1)} to {money(start - 1)} fall in neither {below.Label} (max {money(end)}) nor {above.Label} (min {money(start)}).");
            else if (start <= end)
                sink.Add(above.Node, $"{above.Node.Path}: overlapping {what}s: amounts from {money(start)} to {money(end)} fall in both {below.Label} (max {money(end)}) and {above.Label} (min {money(start)}).");
        }
    }
}
