namespace PartnerHub.Core.Common;

/// <summary>Collects every field error of one input, so a user sees all of them at once rather than one per attempt.</summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list)) _errors[field] = list = [];
        list.Add(message);
    }

    public void Merge(string prefix, Error error)
    {
        if (error.Fields is null) { Add(prefix, error.Message); return; }
        foreach (var (field, messages) in error.Fields)
            foreach (var message in messages) Add(prefix.Length == 0 ? field : $"{prefix}.{field}", message);
    }

    public Error ToError() => Error.Validation(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal));
}
