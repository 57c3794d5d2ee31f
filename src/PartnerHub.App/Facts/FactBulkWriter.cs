using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using PartnerHub.App.Persistence;
using SQLitePCL;

namespace PartnerHub.App.Facts;

/// <summary>Writes one row's values in column order, straight into the database's bulk path.</summary>
public interface IFactRowWriter
{
    void Guid(Guid value);
    void Text(string? value);
    void Date(DateOnly value);
    void Date(DateOnly? value);
    void Long(long value);
    void Int(int value);
    void Instant(DateTimeOffset value);

    /// <summary>A list of strings, as EF Core stores a primitive collection: a JSON array in SQLite, a text[] in PostgreSQL.</summary>
    void Texts(string[] values);
}

/// <summary>
/// Inserts many fact rows fast, for demo data and benchmarks: a prepared INSERT bound through SQLite's C API inside
/// one transaction, or PostgreSQL's binary COPY. Values are written the way EF Core stores them (SQLite: ids and
/// dates as text, instants as UTC ticks; enums by name), so EF reads them back as if it had written them.
/// Raises the facts generation like every other fact write.
/// </summary>
public static class FactBulkWriter
{
    public static async Task WriteAsync<T>(PartnerHubDb db, string table, string[] columns, IEnumerable<T> rows, Action<IFactRowWriter, T> write, CancellationToken ct)
    {
        var connection = db.Database.GetConnectionString() ?? throw new InvalidOperationException("No connection string.");
        if (db.Provider == DatabaseProvider.Postgres) await CopyAsync(connection, table, columns, rows, write, ct);
        else await Task.Run(() => InsertSqlite(connection, table, columns, rows, write), ct);
        await FactWrites.BumpAsync(db, ct);
    }

    public static Task WriteAsync(PartnerHubDb db, IEnumerable<RevenueEventRecord> rows, CancellationToken ct) =>
        WriteAsync(db, "revenue_events", ["external_id", "partner_id", "kind", "occurred_on", "amount_minor", "currency", "customer_ref", "deal_registration_id", "original_external_id", "source", "received_at"], rows, (w, e) =>
        {
            w.Text(e.ExternalId);
            if (e.PartnerId is { } p) w.Guid(p.Value);
            else w.Text(null);
            w.Text(e.Kind.ToString());
            w.Date(e.OccurredOn);
            w.Long(e.AmountMinor);
            w.Text(e.Currency);
            w.Text(e.CustomerRef);
            if (e.DealRegistrationId is { } d) w.Guid(d);
            else w.Text(null);
            w.Text(e.OriginalExternalId);
            w.Text(e.Source);
            w.Instant(e.ReceivedAt);
        }, ct);

    public static Task WriteAsync(PartnerHubDb db, IEnumerable<DealFactRecord> rows, CancellationToken ct) =>
        WriteAsync(db, "deal_facts", ["external_id", "partner_id", "registered_on", "closed_on", "outcome", "amount_minor", "currency"], rows, (w, d) =>
        {
            w.Text(d.ExternalId);
            w.Guid(d.PartnerId.Value);
            w.Date(d.RegisteredOn);
            w.Date(d.ClosedOn);
            w.Text(d.Outcome.ToString());
            w.Long(d.AmountMinor);
            w.Text(d.Currency);
        }, ct);

    public static Task WriteAsync(PartnerHubDb db, IEnumerable<TrainingCompletionRecord> rows, CancellationToken ct) =>
        WriteAsync(db, "training_completions", ["partner_id", "track", "completed_on"], rows, (w, t) =>
        {
            w.Guid(t.PartnerId.Value);
            w.Text(t.Track);
            w.Date(t.CompletedOn);
        }, ct);

    public static Task WriteAsync(PartnerHubDb db, IEnumerable<ExamAttemptRecord> rows, CancellationToken ct) =>
        WriteAsync(db, "exam_attempts", ["partner_id", "exam", "taken_on", "score"], rows, (w, e) =>
        {
            w.Guid(e.PartnerId.Value);
            w.Text(e.Exam);
            w.Date(e.TakenOn);
            w.Int(e.Score);
        }, ct);

    public static Task WriteAsync(PartnerHubDb db, IEnumerable<CertificationAwardRecord> rows, CancellationToken ct) =>
        WriteAsync(db, "certification_awards", ["partner_id", "level", "awarded_on"], rows, (w, c) =>
        {
            w.Guid(c.PartnerId.Value);
            w.Text(c.Level);
            w.Date(c.AwardedOn);
        }, ct);

    public static Task WriteAsync(PartnerHubDb db, IEnumerable<CommitmentRecord> rows, CancellationToken ct) =>
        WriteAsync(db, "commitments", ["partner_id", "starts_on", "ends_on", "description"], rows, (w, c) =>
        {
            w.Guid(c.PartnerId.Value);
            w.Date(c.StartsOn);
            w.Date(c.EndsOn);
            w.Text(c.Description);
        }, ct);

    public static Task WriteAsync(PartnerHubDb db, IEnumerable<SurveyResponseRecord> rows, CancellationToken ct) =>
        WriteAsync(db, "survey_responses", ["external_id", "partner_id", "kind", "answered_on", "score"], rows, (w, s) =>
        {
            w.Text(s.ExternalId);
            w.Guid(s.PartnerId.Value);
            w.Text(s.Kind.ToString());
            w.Date(s.AnsweredOn);
            w.Int(s.Score);
        }, ct);

    public static Task WriteAsync(PartnerHubDb db, IEnumerable<ManagerRatingRecord> rows, CancellationToken ct) =>
        WriteAsync(db, "manager_ratings", ["partner_id", "criterion", "rated_on", "score", "rated_by"], rows, (w, r) =>
        {
            w.Guid(r.PartnerId.Value);
            w.Text(r.Criterion);
            w.Date(r.RatedOn);
            w.Int(r.Score);
            w.Text(r.RatedBy);
        }, ct);

    public static Task WriteAsync(PartnerHubDb db, IEnumerable<EngagementRecord> rows, CancellationToken ct) =>
        WriteAsync(db, "engagement_events", ["partner_id", "kind", "occurred_on", "count"], rows, (w, e) =>
        {
            w.Guid(e.PartnerId.Value);
            w.Text(e.Kind);
            w.Date(e.OccurredOn);
            w.Int(e.Count);
        }, ct);

    public static Task WriteAsync(PartnerHubDb db, IEnumerable<CostRecord> rows, CancellationToken ct) =>
        WriteAsync(db, "partner_costs", ["external_id", "partner_id", "incurred_on", "amount_minor", "currency", "category", "description"], rows, (w, c) =>
        {
            w.Text(c.ExternalId);
            w.Guid(c.PartnerId.Value);
            w.Date(c.IncurredOn);
            w.Long(c.AmountMinor);
            w.Text(c.Currency);
            w.Text(c.Category);
            w.Text(c.Description);
        }, ct);

    private static void InsertSqlite<T>(string connectionString, string table, string[] columns, IEnumerable<T> rows, Action<IFactRowWriter, T> write)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using (var begin = connection.CreateCommand())
        {
            begin.CommandText = "BEGIN";
            begin.ExecuteNonQuery();
        }

        var sql = $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select(_ => "?"))})";
        var writer = new SqliteRowWriter(connection.Handle!, sql);
        try
        {
            foreach (var row in rows)
            {
                write(writer, row);
                writer.Step();
            }
        }
        finally
        {
            writer.Dispose();
        }

        using var commit = connection.CreateCommand();
        commit.CommandText = "COMMIT";
        commit.ExecuteNonQuery();
    }

    private static async Task CopyAsync<T>(string connectionString, string table, string[] columns, IEnumerable<T> rows, Action<IFactRowWriter, T> write, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var importer = await connection.BeginBinaryImportAsync($"COPY {table} ({string.Join(", ", columns)}) FROM STDIN (FORMAT BINARY)", ct);
        var writer = new NpgsqlRowWriter(importer);
        foreach (var row in rows)
        {
            importer.StartRow();
            write(writer, row);
        }

        await importer.CompleteAsync(ct);
    }

    private sealed class SqliteRowWriter(sqlite3 db, string sql) : IFactRowWriter, IDisposable
    {
        private readonly sqlite3_stmt _statement = Prepare(db, sql);
        private readonly byte[] _buffer = new byte[64];
        private int _index = 1;

        private static sqlite3_stmt Prepare(sqlite3 db, string sql)
        {
            var rc = raw.sqlite3_prepare_v2(db, sql, out var statement);
            return rc == raw.SQLITE_OK ? statement : throw new InvalidOperationException($"SQLite error {rc}: {raw.sqlite3_errmsg(db).utf8_to_string()}");
        }

        public void Guid(Guid value) => SqliteGuid.Bind(_statement, _index++, value);

        public void Text(string? value)
        {
            if (value is null) raw.sqlite3_bind_null(_statement, _index++);
            else raw.sqlite3_bind_text(_statement, _index++, value);
        }

        public void Date(DateOnly value)
        {
            value.TryFormat(_buffer, out var written, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            raw.sqlite3_bind_text(_statement, _index++, _buffer.AsSpan(0, written));
        }

        public void Date(DateOnly? value)
        {
            if (value is { } d) Date(d);
            else raw.sqlite3_bind_null(_statement, _index++);
        }

        public void Long(long value) => raw.sqlite3_bind_int64(_statement, _index++, value);

        public void Int(int value) => raw.sqlite3_bind_int(_statement, _index++, value);

        public void Instant(DateTimeOffset value) => raw.sqlite3_bind_int64(_statement, _index++, value.UtcTicks);

        public void Texts(string[] values) => raw.sqlite3_bind_text(_statement, _index++, System.Text.Json.JsonSerializer.Serialize(values));

        public void Step()
        {
            var rc = raw.sqlite3_step(_statement);
            if (rc != raw.SQLITE_DONE) throw new InvalidOperationException($"SQLite error {rc}: {raw.sqlite3_errmsg(db).utf8_to_string()}");
            raw.sqlite3_reset(_statement);
            _index = 1;
        }

        public void Dispose() => _statement.Dispose();
    }

    private sealed class NpgsqlRowWriter(NpgsqlBinaryImporter importer) : IFactRowWriter
    {
        public void Guid(Guid value) => importer.Write(value, NpgsqlDbType.Uuid);

        public void Text(string? value)
        {
            if (value is null) importer.WriteNull();
            else importer.Write(value, NpgsqlDbType.Text);
        }

        public void Date(DateOnly value) => importer.Write(value, NpgsqlDbType.Date);

        public void Date(DateOnly? value)
        {
            if (value is { } d) Date(d);
            else importer.WriteNull();
        }

        public void Long(long value) => importer.Write(value, NpgsqlDbType.Bigint);

        public void Int(int value) => importer.Write(value, NpgsqlDbType.Integer);

        public void Instant(DateTimeOffset value) => importer.Write(value.UtcDateTime, NpgsqlDbType.TimestampTz);

        public void Texts(string[] values) => importer.Write(values, NpgsqlDbType.Array | NpgsqlDbType.Text);
    }
}
