using Microsoft.AspNetCore.Http.HttpResults;
using PartnerHub.Core.Common;

namespace PartnerHub.Web.Common;

/// <summary>The one place where an expected failure becomes an RFC 9457 problem response.</summary>
public static class Problems
{
    public static ProblemHttpResult ToProblem(this Error error)
    {
        var status = StatusOf(error.Kind);
        var problem = error.Fields is null
            ? new Microsoft.AspNetCore.Mvc.ProblemDetails()
            : new HttpValidationProblemDetails(error.Fields.ToDictionary(f => f.Key, f => f.Value));
        problem.Status = status;
        problem.Title = TitleOf(error.Kind);
        problem.Detail = error.Message;
        problem.Extensions["code"] = error.Code;
        return TypedResults.Problem(problem);
    }

    /// <summary>A group of API endpoints: documented problem responses and the per-caller rate limit.</summary>
    public static RouteGroupBuilder MapApi(this IEndpointRouteBuilder app, string prefix, string tag) =>
        app.MapGroup(prefix).WithTags(tag)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status429TooManyRequests)
            .RequireRateLimiting(Identity.AuthSetup.ApiLimit);

    public static int StatusOf(ErrorKind kind) => kind switch
    {
        ErrorKind.Validation => StatusCodes.Status400BadRequest,
        ErrorKind.NotFound => StatusCodes.Status404NotFound,
        ErrorKind.Conflict => StatusCodes.Status409Conflict,
        ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
        ErrorKind.Unprocessable => StatusCodes.Status422UnprocessableEntity,
        _ => StatusCodes.Status500InternalServerError,
    };

    private static string TitleOf(ErrorKind kind) => kind switch
    {
        ErrorKind.Validation => "The input is not valid.",
        ErrorKind.NotFound => "Not found.",
        ErrorKind.Conflict => "Conflict with the current state.",
        ErrorKind.Forbidden => "Not allowed.",
        ErrorKind.Unprocessable => "The request cannot be processed.",
        _ => "Error.",
    };
}
