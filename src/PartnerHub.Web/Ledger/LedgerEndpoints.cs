using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using PartnerHub.App.Identity;
using PartnerHub.App.Ledger;
using PartnerHub.App.Programs;
using PartnerHub.Core.Common;
using PartnerHub.Core.Partners;
using PartnerHub.Web.Common;

namespace PartnerHub.Web.Ledger;

/// <summary>
/// Statements, payouts and balances over HTTP. Finance closes periods and pays; a partner user reads only its own
/// statements and balance (scope filter: another partner's is not found, like one that does not exist).
/// </summary>
public static class LedgerEndpoints
{
    public sealed record CloseRequest(string? Period);

    /// <summary>A new payout batch: the currency (default USD) and the smallest payout in major units (default 50.00).</summary>
    public sealed record PayoutRequest(string? Currency, string? Minimum);

    /// <summary>The payment provider's reference for the transfer, and the business date it was paid (default today).</summary>
    public sealed record PaidRequest(string? ExternalReference, DateOnly? PaidOn);

    /// <summary>Why finance withdraws the batch (required; kept on the batch and in its audit history).</summary>
    public sealed record CancelRequest(string? Reason);

    public const string DefaultCurrency = "USD";
    public const string DefaultMinimum = "50.00";

    public static void MapLedgerEndpoints(this IEndpointRouteBuilder app)
    {
        var statements = app.MapApi("/api/v1/statements", "Statements");
        var read = Permissions.LedgerRead.Name;
        statements.MapGet("/", ListStatementsAsync).RequireAuthorization(read)
            .WithSummary("Issued statements, newest period first: ?partnerId, ?period=YYYY-MM. A partner user's list holds only its own.");
        statements.MapGet("/{id:guid}", GetStatementAsync).RequireAuthorization(read)
            .WithSummary("One statement exactly as issued: opening balance, every line with its explanation and basis, closing balance.");
        statements.MapPost("/close", CloseAsync).RequireAuthorization(Permissions.StatementsClose.Name)
            .WithSummary("Close a month ({\"period\": \"YYYY-MM\"}) into immutable statements. Idempotent; a correction posted since issues an adjusting statement.");

        var payouts = app.MapApi("/api/v1/payouts", "Payouts").RequireAuthorization(Permissions.PayoutsManage.Name);
        payouts.MapGet("/", async (ListPayoutBatches list, CancellationToken ct) => TypedResults.Ok(await list.HandleAsync(100, ct)))
            .WithSummary("The latest 100 payout batches, newest first, without their lines.");
        payouts.MapPost("/", CreatePayoutAsync)
            .WithSummary("Plan a payout batch from today's payable balances in one currency; balances under the minimum and negative ones carry forward. One open batch per currency.");
        payouts.MapGet("/{id:guid}", GetPayoutAsync).WithSummary("One payout batch with its lines and what it carried forward.");
        payouts.MapGet("/{id:guid}/export", ExportPayoutAsync).WithSummary("The batch as CSV for finance (formula-safe cells); marks it exported.");
        payouts.MapPost("/{id:guid}/paid", MarkPaidAsync)
            .WithSummary("Mark the batch paid with the payment's external reference: posts the payouts once. Again with the same reference returns the batch; another reference answers 409.");
        payouts.MapPost("/{id:guid}/cancel", CancelPayoutAsync)
            .WithSummary("Cancel a planned or exported batch before payment, with a reason: nothing moved, its balances stay payable. Idempotent; a paid batch answers 409.");

        app.MapApi("/api/v1/partners", "Statements").MapGet("/{id:guid}/balance", BalanceAsync).RequireAuthorization(read)
            .WithSummary("A partner's balance per currency at a business date (?asOf=YYYY-MM-DD, default today): held, payable, receivable, net owed.");
    }

    private static async Task<Results<Ok<List<StatementSummaryJson>>, ProblemHttpResult>> ListStatementsAsync(string? partnerId, string? period, ListStatements list, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var partner = Query.Guid(errors, "partnerId", partnerId);
        if (errors.Any) return errors.ToError().ToProblem();
        var result = await list.HandleAsync(partner is { } p ? new PartnerId(p) : null, period, ct);
        return result.IsSuccess ? TypedResults.Ok(result.Value.Select(StatementSummaryJson.From).ToList()) : result.Error.ToProblem();
    }

    private static async Task<Results<Ok<StatementJson>, ProblemHttpResult>> GetStatementAsync(Guid id, GetStatement get, CancellationToken ct)
    {
        var result = await get.HandleAsync(new StatementId(id), ct);
        return result.IsSuccess ? TypedResults.Ok(StatementJson.From(result.Value)) : result.Error.ToProblem();
    }

    private static async Task<Results<Ok<ClosedJson>, ProblemHttpResult>> CloseAsync(CloseRequest request, CloseStatements close, CancellationToken ct)
    {
        var result = await close.HandleAsync(request.Period ?? "", ct);
        return result.IsSuccess ? TypedResults.Ok(ClosedJson.From(result.Value)) : result.Error.ToProblem();
    }

    private static async Task<Results<Created<PayoutBatchView>, ProblemHttpResult>> CreatePayoutAsync([FromBody] PayoutRequest? request, CreatePayoutBatch create, CancellationToken ct)
    {
        var result = await create.HandleAsync(request?.Currency ?? DefaultCurrency, request?.Minimum ?? DefaultMinimum, ct);
        return result.IsSuccess ? TypedResults.Created($"/api/v1/payouts/{result.Value.Id}", result.Value) : result.Error.ToProblem();
    }

    private static async Task<Results<Ok<PayoutBatchView>, ProblemHttpResult>> GetPayoutAsync(Guid id, GetPayoutBatch get, CancellationToken ct)
    {
        var result = await get.HandleAsync(new PayoutBatchId(id), ct);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ExportPayoutAsync(Guid id, ExportPayoutBatch export, CancellationToken ct)
    {
        await using var text = new StringWriter();
        var result = await export.HandleAsync(new PayoutBatchId(id), text, ct);
        return result.IsSuccess
            ? TypedResults.File(Encoding.UTF8.GetBytes(text.ToString()), "text/csv; charset=utf-8", $"payout-{id}.csv")
            : result.Error.ToProblem();
    }

    private static async Task<Results<Ok<PayoutBatchView>, ProblemHttpResult>> MarkPaidAsync(Guid id, PaidRequest request, MarkPayoutPaid mark, CancellationToken ct)
    {
        var result = await mark.HandleAsync(new PayoutBatchId(id), request.ExternalReference ?? "", request.PaidOn, ct);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
    }

    private static async Task<Results<Ok<PayoutBatchView>, ProblemHttpResult>> CancelPayoutAsync(Guid id, CancelRequest request, CancelPayoutBatch cancel, CancellationToken ct)
    {
        var result = await cancel.HandleAsync(new PayoutBatchId(id), request.Reason ?? "", ct);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
    }

    private static async Task<Results<Ok<List<BalanceJson>>, ProblemHttpResult>> BalanceAsync(Guid id, string? asOf, GetPartnerBalance balance, ProgramStore store, CancellationToken ct)
    {
        if (!Dates.TryParse(asOf, "asOf", store.Today, out var date, out var error)) return error!.ToProblem();
        var result = await balance.HandleAsync(new PartnerId(id), date, ct);
        return result.IsSuccess ? TypedResults.Ok(result.Value.Select(BalanceJson.From).ToList()) : result.Error.ToProblem();
    }
}
