namespace PartnerHub.Core.Programs;

/// <summary>
/// Compares two programs and lists the changes in plain words, in file order: "tiers.strategic.revenue.min: $100,000.00 →
/// $150,000.00", "added subcategory channel/marketplaces". Whole entities added or removed are one line each.
/// </summary>
public static class ProgramDiff
{
    public static IReadOnlyList<string> Compare(PartnerProgram before, PartnerProgram after)
    {
        var old = ProgramFlattener.Flatten(before);
        var now = ProgramFlattener.Flatten(after);
        var oldValues = old.Values.ToDictionary(v => v.Path, v => v.Text, StringComparer.Ordinal);
        var nowValues = now.Values.ToDictionary(v => v.Path, v => v.Text, StringComparer.Ordinal);
        var oldEntities = old.Entities.ToDictionary(e => e.Path, StringComparer.Ordinal);
        var nowEntities = now.Entities.ToDictionary(e => e.Path, StringComparer.Ordinal);
        var changes = new List<string>();

        foreach (var e in old.Entities.Where(e => !nowEntities.ContainsKey(e.Path) && !Inside(e.Path, old.Entities, nowEntities)))
            changes.Add($"removed {e.Kind} {e.Label}");
        foreach (var e in now.Entities.Where(e => !oldEntities.ContainsKey(e.Path) && !Inside(e.Path, now.Entities, oldEntities)))
            changes.Add($"added {e.Kind} {e.Label}");

        // Values inside an added or removed entity are covered by that entity's line.
        bool Covered(string path, IReadOnlyList<ProgramFlattener.Entity> entities, Dictionary<string, ProgramFlattener.Entity> other) =>
            entities.Any(e => !other.ContainsKey(e.Path) && path.StartsWith(e.Path + ".", StringComparison.Ordinal));

        foreach (var (path, text) in old.Values)
        {
            if (Covered(path, old.Entities, nowEntities)) continue;
            if (!nowValues.TryGetValue(path, out var newText)) changes.Add($"{path}: {text} → (none)");
            else if (newText != text) changes.Add($"{path}: {text} → {newText}");
        }

        foreach (var (path, text) in now.Values)
            if (!oldValues.ContainsKey(path) && !Covered(path, now.Entities, oldEntities)) changes.Add($"{path}: (none) → {text}");
        return changes;
    }

    /// <summary>True when an enclosing entity is itself added or removed (report the outermost only).</summary>
    private static bool Inside(string path, IReadOnlyList<ProgramFlattener.Entity> entities, Dictionary<string, ProgramFlattener.Entity> other) =>
        entities.Any(e => e.Path != path && path.StartsWith(e.Path + ".", StringComparison.Ordinal) && !other.ContainsKey(e.Path));
}
