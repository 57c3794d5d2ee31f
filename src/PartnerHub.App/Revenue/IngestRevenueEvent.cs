using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using PartnerHub.App.Common;
using PartnerHub.App.Persistence;
using PartnerHub.App.Programs;
using PartnerHub.Core.Common;

namespace PartnerHub.App.Revenue;

/// <summary>An API response kept for replays: the HTTP status and the JSON body, byte for byte.</summary>
public sealed record StoredResponse(int StatusCode, string Json);

/// <summary>One item of a batch: its position, the status it would have had alone, and its receipt or problem.</summary>
public sealed record BatchItemResult(int Index, int Status, RevenueEventReceipt? Receipt, BatchProblem? Problem);

/// <summary>Why a batch item was refused: the code, the message and the fields at fault (as a problem response would say).</summary>
public sealed record BatchProblem(string Code, string Detail, IReadOnlyDictionary<string, string[]>? Errors);

/// <summary>The response to a batch: one result per item, in order.</summary>
public sealed record BatchReceipt(int Received, int Created, int Duplicates, int Refused, IReadOnlyList<BatchItemResult> Items);

/// <summary>
/// Receives revenue events from a CRM or billing system over the API, exactly once per idempotency key (the
/// Idempotency-Key header, else the event's id). The first delivery stores the event, attributes it, posts its
/// commission and keeps its response; a replay with the same body gets that response again (status and body); the
/// same key with another body answers 422. Concurrent identical deliveries: the unique event id and the unique key
/// decide, so exactly one stores anything, on SQLite and PostgreSQL alike. Events are written by
/// <see cref="RevenueEventWriter"/>, which commits the events of concurrent requests together.
/// </summary>
public sealed class IngestRevenueEvent(PartnerHubDb db, ProgramStore programs, RevenueEventWriter writer)
{
    public const string Scope = "revenue-events";
    public const string BatchScope = "revenue-events/batch";
    public const int MaxBatch = 1000;

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public async Task<Result<StoredResponse>> HandleAsync(RevenueEventInput input, string? idempotencyKey, CancellationToken ct)
    {
        if (Access.VendorOnly(db.Actor, "send revenue events") is { } denied) return denied;
        if (Key(idempotencyKey) is { IsSuccess: false } badKey) return badKey.Error;
        db.Actor.Operation = "api";
        var currency = (await programs.CurrentAsync(ct)).Program.Currency;
        var valid = input.Validate(currency, idempotencyKey, "api");
        if (!valid.IsSuccess) return valid.Error;
        var key = idempotencyKey ?? valid.Value.ExternalId;
        // A replay is answered by the writer too, which reads the keys of a whole group at once.
        return (await writer.WriteAsync([new EventDelivery(valid.Value, key, valid.Value.Hash())], db.Actor, ct))[0];
    }

    /// <summary>
    /// Several events in one request, each recorded as if sent alone (its id is its key) but committed together, and
    /// answered one by one: a refused item does not hold back the others. With an Idempotency-Key header the whole
    /// response is kept for replays too.
    /// </summary>
    public async Task<Result<StoredResponse>> BatchAsync(IReadOnlyList<RevenueEventInput> items, string? idempotencyKey, CancellationToken ct)
    {
        if (Access.VendorOnly(db.Actor, "send revenue events") is { } denied) return denied;
        if (Key(idempotencyKey) is { IsSuccess: false } badKey) return badKey.Error;
        if (items.Count == 0) return Error.Validation("events", "Send at least one event.");
        if (items.Count > MaxBatch) return Error.Validation("events", $"At most {MaxBatch} events per request; import larger sets as CSV or JSONL.");
        db.Actor.Operation = "api";
        var currency = (await programs.CurrentAsync(ct)).Program.Currency;
        var hash = BatchHash(items, currency);
        if (idempotencyKey is not null && await StoredAsync(BatchScope, idempotencyKey, ct) is { } stored) return Replay(stored, hash);

        var answers = new Result<StoredResponse>[items.Count]; // every item gets its answer below
        var deliveries = new List<(int Index, EventDelivery Delivery)>();
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is null || string.IsNullOrWhiteSpace(items[i].Id))
            {
                answers[i] = Error.Validation("id", "Each event in a batch carries its own id: it is the event's idempotency key.");
                continue;
            }

            var valid = items[i].Validate(currency, null, "api");
            if (valid.IsSuccess) deliveries.Add((i, new EventDelivery(valid.Value, valid.Value.ExternalId, valid.Value.Hash())));
            else answers[i] = valid.Error;
        }

        var written = await writer.WriteAsync(deliveries.Select(d => d.Delivery).ToList(), db.Actor, ct);
        for (var d = 0; d < deliveries.Count; d++) answers[deliveries[d].Index] = written[d];
        var results = answers.Select((one, i) => one.IsSuccess
            ? new BatchItemResult(i, one.Value.StatusCode, JsonSerializer.Deserialize<RevenueEventReceipt>(one.Value.Json, Json), null)
            : new BatchItemResult(i, StatusOf(one.Error.Kind), null, new BatchProblem(one.Error.Code, one.Error.Message, one.Error.Fields))).ToList();

        var receipt = new BatchReceipt(items.Count, results.Count(r => r.Status == 201), results.Count(r => r.Status == 200), results.Count(r => r.Status >= 400), results);
        var response = new StoredResponse(200, JsonSerializer.Serialize(receipt, Json));
        if (idempotencyKey is null) return response;
        db.Add(new IdempotentRequestRecord
        {
            Scope = BatchScope, Key = idempotencyKey, RequestHash = hash, StatusCode = 200, ResponseJson = response.Json, CreatedAt = db.Clock.GetUtcNow(),
        });
        try
        {
            await db.SaveChangesAsync(ct);
            return response;
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            if (await StoredAsync(BatchScope, idempotencyKey, ct) is { } won) return Replay(won, hash);
            throw;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    private async Task<IdempotentRequestRecord?> StoredAsync(string scope, string key, CancellationToken ct) =>
        await db.Set<IdempotentRequestRecord>().AsNoTracking().FirstOrDefaultAsync(r => r.Scope == scope && r.Key == key, ct);

    internal static Result<StoredResponse> Replay(IdempotentRequestRecord stored, string hash) =>
        stored.RequestHash == hash
            ? new StoredResponse(stored.StatusCode, stored.ResponseJson)
            : Error.Unprocessable("idempotency_key_reused",
                $"Idempotency key '{stored.Key}' was used for a different request on {stored.CreatedAt:yyyy-MM-dd HH:mm} UTC. Use a new key for a new request; a retry must send the same body.");

    private static Result<string?> Key(string? key) =>
        key is null ? (string?)null
        : string.IsNullOrWhiteSpace(key) || key.Length > 200 || Text.HasControl(key, allowLineBreaks: false)
            ? Error.Validation("Idempotency-Key", "An idempotency key is 1 to 200 printable characters.")
            : key;

    private static string BatchHash(IReadOnlyList<RevenueEventInput> items, Currency currency)
    {
        var parts = items.Select(i => i?.Validate(currency, null, "api") is { IsSuccess: true } v ? v.Value.Hash() : JsonSerializer.Serialize(i, Json));
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(string.Join('\n', parts))));
    }

    private static int StatusOf(ErrorKind kind) => kind switch
    {
        ErrorKind.Validation => 400,
        ErrorKind.NotFound => 404,
        ErrorKind.Conflict => 409,
        ErrorKind.Forbidden => 403,
        _ => 422,
    };
}
