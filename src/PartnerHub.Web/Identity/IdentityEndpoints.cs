using Microsoft.AspNetCore.Http.HttpResults;
using PartnerHub.App.Identity;
using PartnerHub.Web.Common;

namespace PartnerHub.Web.Identity;

/// <summary>Users, invitations and API keys over HTTP.</summary>
public static class IdentityEndpoints
{
    public sealed record RoleChange(string? Role);

    public static void MapIdentityEndpoints(this IEndpointRouteBuilder app)
    {
        var users = app.MapApi("/api/v1/users", "Users");
        users.MapGet("/", ListUsersAsync).RequireAuthorization(Permissions.UsersManage.Name).WithSummary("Users; a partner admin sees their own organization's.");
        users.MapPost("/{id:guid}/role", ChangeRoleAsync).RequireAuthorization(Permissions.UsersManage.Name).WithSummary("Change a user's role.");
        users.MapPost("/{id:guid}/disable", (Guid id, ManageUsers manage, CancellationToken ct) => SetDisabledAsync(id, true, manage, ct))
            .RequireAuthorization(Permissions.UsersManage.Name).WithSummary("Disable a user: sign-in refused, sessions end.");
        users.MapPost("/{id:guid}/enable", (Guid id, ManageUsers manage, CancellationToken ct) => SetDisabledAsync(id, false, manage, ct))
            .RequireAuthorization(Permissions.UsersManage.Name).WithSummary("Enable a disabled user.");

        app.MapApi("/api/v1/invitations", "Users").MapPost("/", InviteAsync)
            .RequireAuthorization(Permissions.PartnerInvite.Name).WithSummary("Invite a user by email; answers the link when no mail server is configured.");

        var keys = app.MapApi("/api/v1/api-keys", "API keys").RequireAuthorization(Permissions.ApiKeysManage.Name);
        keys.MapGet("/", async (ManageApiKeys manage, CancellationToken ct) => TypedResults.Ok(await manage.ListAsync(ct))).WithSummary("API keys (never the keys themselves).");
        keys.MapPost("/", CreateKeyAsync).WithSummary("Create an API key; the response holds the key, shown this once.");
        keys.MapPost("/{id:guid}/revoke", RevokeKeyAsync).WithSummary("Revoke an API key; it fails on its very next request.");
    }

    private static async Task<Ok<IReadOnlyList<UserView>>> ListUsersAsync(ManageUsers manage, CancellationToken ct) =>
        TypedResults.Ok(await manage.ListAsync(ct));

    private static async Task<Results<NoContent, ProblemHttpResult>> ChangeRoleAsync(Guid id, RoleChange change, ManageUsers manage, CancellationToken ct)
    {
        var result = await manage.ChangeRoleAsync(id, change.Role, ct);
        return result.IsSuccess ? TypedResults.NoContent() : result.Error.ToProblem();
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> SetDisabledAsync(Guid id, bool disabled, ManageUsers manage, CancellationToken ct)
    {
        var result = await manage.SetDisabledAsync(id, disabled, ct);
        return result.IsSuccess ? TypedResults.NoContent() : result.Error.ToProblem();
    }

    private static async Task<Results<Created<InvitationSent>, ProblemHttpResult>> InviteAsync(InviteRequest request, InviteUser invite, HttpContext context, CancellationToken ct)
    {
        var result = await invite.HandleAsync(request, $"{context.Request.Scheme}://{context.Request.Host}", ct);
        return result.IsSuccess ? TypedResults.Created($"/api/v1/invitations/{result.Value.Id}", result.Value) : result.Error.ToProblem();
    }

    private static async Task<Results<Created<CreatedApiKey>, ProblemHttpResult>> CreateKeyAsync(NewApiKey input, ManageApiKeys manage, CancellationToken ct)
    {
        var result = await manage.CreateAsync(input, ct);
        return result.IsSuccess ? TypedResults.Created($"/api/v1/api-keys/{result.Value.Key.Id}", result.Value) : result.Error.ToProblem();
    }

    private static async Task<Results<Ok<ApiKeyView>, ProblemHttpResult>> RevokeKeyAsync(Guid id, ManageApiKeys manage, CancellationToken ct)
    {
        var result = await manage.RevokeAsync(id, ct);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
    }
}
