using PartnerHub.App.Programs;
using PartnerHub.Core.Evaluation;
using PartnerHub.Core.Programs;
using Spectre.Console;

namespace PartnerHub.Cli.Programs;

/// <summary>A what-if result as a terminal reads it: the program's changes, who moves and why, counts against targets.</summary>
internal static class SimulationPrinter
{
    public static void Print(IAnsiConsole console, SimulationResult result)
    {
        console.MarkupLine($"What-if on {result.AsOf:yyyy-MM-dd}: {result.CurrentVersion} (in force) → candidate [bold]{Markup.Escape(result.CandidateName)}[/]");
        console.WriteLine($"{result.Changes.Count} change(s) to the program:");
        foreach (var change in result.Changes) console.WriteLine("  " + change);

        console.WriteLine(result.Moves.Count == 0 ? "No partner changes tier or certification." : $"{result.Moves.Count} partner(s) change:");
        foreach (var move in result.Moves)
        {
            console.MarkupLine($"[bold]{Markup.Escape(move.PartnerName)}[/]: tier {move.TierBefore} → {move.TierAfter}, certification {move.CertificationBefore ?? "none"} → {move.CertificationAfter ?? "none"}");
            if (move.TierBefore != move.TierAfter)
            {
                console.WriteLine($"  now: {move.TierExplanationBefore}");
                console.WriteLine($"  candidate: {move.TierExplanationAfter}");
            }

            if (move.CertificationBefore != move.CertificationAfter)
            {
                console.WriteLine($"  now: {move.CertificationExplanationBefore}");
                console.WriteLine($"  candidate: {move.CertificationExplanationAfter}");
            }
        }

        var currency = PartnerHub.Core.Common.Currency.Parse(result.Payouts.Currency).Value;
        string Money(long minor) => Display.Money(minor, currency);
        console.WriteLine($"Payouts {result.Payouts.From:yyyy-MM-dd} to {result.Payouts.To:yyyy-MM-dd}: {Money(result.Payouts.CurrentTotalMinor)} now, " +
            $"{Money(result.Payouts.CandidateTotalMinor)} with the candidate ({(result.Payouts.DifferenceMinor > 0 ? "+" : "")}{Money(result.Payouts.DifferenceMinor)}).");
        foreach (var p in result.Payouts.Partners)
            console.WriteLine($"  {p.PartnerName}: {Money(p.CurrentMinor)} → {Money(p.CandidateMinor)}");

        Counts(console, "Tiers", result.Tiers);
        Counts(console, "Subcategories", result.Subcategories);
    }

    private static void Counts(IAnsiConsole console, string title, IReadOnlyList<CountComparison> counts)
    {
        var table = new Table().Title(title).AddColumns("", "Now", "Target", "Candidate", "Target");
        foreach (var c in counts)
            table.AddRow(Markup.Escape(c.After?.Name ?? c.Before?.Name ?? c.Key), $"{c.Before?.Count}", $"{c.Before?.Target}", $"{c.After?.Count}", $"{c.After?.Target}");
        console.Write(table);
    }
}
