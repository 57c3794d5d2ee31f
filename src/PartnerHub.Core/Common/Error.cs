namespace PartnerHub.Core.Common;

/// <summary>What kind of expected failure an <see cref="Error"/> is; the web and CLI layers map each kind once.</summary>
public enum ErrorKind
{
    Validation,
    NotFound,
    Conflict,
    Forbidden,
    Unprocessable,
}

/// <summary>An expected failure, as a value. <paramref name="Fields"/> names the inputs at fault, for field-level ProblemDetails.</summary>
public sealed record Error(string Code, string Message, ErrorKind Kind, IReadOnlyDictionary<string, string[]>? Fields = null)
{
    public static Error Validation(string field, string message) =>
        new("validation", message, ErrorKind.Validation, new Dictionary<string, string[]> { [field] = [message] });

    public static Error Validation(IReadOnlyDictionary<string, string[]> fields) =>
        new("validation", "One or more fields are invalid.", ErrorKind.Validation, fields);

    public static Error NotFound(string what, object id) => new("not_found", $"{what} {id} was not found.", ErrorKind.NotFound);

    public static Error Conflict(string code, string message) => new(code, message, ErrorKind.Conflict);

    public static Error Unprocessable(string code, string message) => new(code, message, ErrorKind.Unprocessable);
}
