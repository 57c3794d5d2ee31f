using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace PartnerHub.Web.Common;

/// <summary>
/// Optimistic concurrency over HTTP: a read answers <c>ETag: "7"</c>, a change must send <c>If-Match: "7"</c>.
/// A stale version answers 412, a missing one 428, so no change ever silently overwrites another.
/// </summary>
public static class Versions
{
    public static void SetETag(HttpContext context, int version) =>
        context.Response.Headers.ETag = new EntityTagHeaderValue($"\"{version}\"").ToString();

    public static bool TryReadIfMatch(HttpRequest request, out int version, out ProblemHttpResult? problem)
    {
        version = 0;
        problem = null;
        var header = request.Headers.IfMatch.ToString().Trim();
        if (header.Length == 0)
        {
            problem = TypedResults.Problem("Send the version you read in an If-Match header (the ETag of GET), e.g. If-Match: \"3\".",
                statusCode: StatusCodes.Status428PreconditionRequired, title: "If-Match is required.");
            return false;
        }

        if (header.StartsWith("W/", StringComparison.Ordinal)) header = header[2..];
        if (int.TryParse(header.Trim('"'), out version) && version > 0) return true;
        problem = TypedResults.Problem($"If-Match must be a version like \"3\", not {header}.", statusCode: StatusCodes.Status400BadRequest, title: "Invalid If-Match.");
        return false;
    }
}
