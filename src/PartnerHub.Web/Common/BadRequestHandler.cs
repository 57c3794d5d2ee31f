using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace PartnerHub.Web.Common;

/// <summary>
/// Malformed requests (bad JSON, unknown fields, wrong types, unreadable parameters) become 400 ProblemDetails that
/// name the field, instead of an empty 400. Unexpected exceptions become a 500 without internals.
/// </summary>
internal sealed class BadRequestHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        if (exception is not BadHttpRequestException bad) return false;

        var problem = exception.InnerException is JsonException json
            ? new ValidationProblemDetails(new Dictionary<string, string[]> { [FieldOf(json.Path)] = [PlainMessage(json)] })
            {
                Title = "The request body is not valid JSON for this endpoint.",
            }
            : new ProblemDetails { Title = "The request is not valid.", Detail = bad.Message };
        problem.Status = context.Response.StatusCode = bad.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }

    /// <summary>"$.contacts[0].email" → "contacts[0].email", the same field names validation uses.</summary>
    private static string FieldOf(string? path) => string.IsNullOrEmpty(path) || path == "$" ? "body" : path.TrimStart('$', '.');

    private static string PlainMessage(JsonException json)
    {
        var message = json.Message;
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
