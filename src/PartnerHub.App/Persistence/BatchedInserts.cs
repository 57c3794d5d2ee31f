using System.Data.Common;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using PartnerHub.App.Audit;
using PartnerHub.App.Webhooks;
using PartnerHub.Core.Partners;
using SQLitePCL;

namespace PartnerHub.App.Persistence;

/// <summary>
/// Writes new rows in the context's transaction, built from the EF model (table, columns, value conversions), the fastest
/// way each provider offers: on SQLite one prepared single-row INSERT bound by position and stepped per row; on PostgreSQL
/// one multi-row INSERT for a few rows (one round trip) and binary COPY for many. EF Core builds and sends one INSERT per
/// row; an import of 100k partners writes 300k rows (partner, audit entry, outbox event), where that cost dominated.
/// <see cref="PartnerHubDb.SaveChangesAsync(bool, CancellationToken)"/> uses it for every save, so the import and a single
/// edit share one write path (ADR 18).
/// </summary>
internal static class BatchedInserts
{
    // COPY costs two round trips (start, finish) where one INSERT costs one: a single edit's few rows keep the INSERT, an
    // import's thousand take COPY. A round number, not a measured crossover; below it one INSERT holds at most 99 rows of
    // 20 columns, far under PostgreSQL's 65,535 parameters.
    private const int PostgresCopyFromRows = 100;

    /// <summary>
    /// The entity types written here, in the order a save writes them: append-only rows and partners, which have
    /// client-made keys, no store-generated values and no shadow properties. Their foreign keys name rows already stored
    /// or rows of a type earlier in this list (an outbox event before its waiting row). Other types stay with EF Core's
    /// update pipeline, which orders dependent rows and reads back generated values.
    /// </summary>
    private static readonly Type[] Types = [typeof(Partner), typeof(AuditEntry), typeof(WebhookEvent), typeof(WebhookWaiting)];

    public static bool Handles(IEntityType? type) => type is not null && Types.Contains(type.ClrType);

    /// <summary>
    /// Inserts <paramref name="tables"/>, each a list of rows of one type, in the order of <see cref="Types"/>, so that a
    /// row's foreign key never names a row not yet written. On PostgreSQL the small
    /// ones go in one batch, one round trip for all of them (an outbox event and its waiting row, a partner and its audit
    /// entry); a large one is copied.
    /// </summary>
    public static async Task<int> InsertAsync(PartnerHubDb db, IReadOnlyList<IReadOnlyList<object>> tables, CancellationToken ct)
    {
        var sets = tables.Where(rows => rows.Count > 0).Select(rows => (Table: Table.For(db, db.Model.FindEntityType(rows[0].GetType())
            ?? throw new InvalidOperationException($"{rows[0].GetType().Name} is not in the model.")), Rows: rows))
            .OrderBy(set => Array.IndexOf(Types, set.Rows[0].GetType())).ToList();
        if (sets.Count == 0) return 0;
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Batched inserts run inside the save's transaction.");
        try
        {
            switch (transaction.Connection)
            {
                case SqliteConnection sqlite:
                    foreach (var (table, rows) in sets) table.InsertOneByOne(sqlite, rows);
                    break;
                case NpgsqlConnection postgres:
                    await using (var batch = new NpgsqlBatch(postgres, (NpgsqlTransaction)transaction))
                    {
                        foreach (var (table, rows) in sets)
                        {
                            if (rows.Count < PostgresCopyFromRows)
                            {
                                batch.BatchCommands.Add(table.InsertValues(rows));
                                continue;
                            }

                            await RunAsync(batch, ct); // what comes before it in the order, first
                            await table.CopyAsync(postgres, rows, ct);
                        }

                        await RunAsync(batch, ct);
                    }

                    break;
                default:
                    throw new InvalidOperationException($"No batched inserts for {transaction.Connection?.GetType().Name}.");
            }
        }
        catch (DbException e)
        {
            // The same exception EF Core throws, so callers that turn a unique violation into a field error keep working.
            throw new DbUpdateException($"Inserting rows into {string.Join(", ", sets.Select(t => t.Table.Name))} failed: {e.Message}", e);
        }

        return sets.Sum(t => t.Rows.Count);
    }

    private static async Task RunAsync(NpgsqlBatch batch, CancellationToken ct)
    {
        if (batch.BatchCommands.Count == 0) return;
        await batch.ExecuteNonQueryAsync(ct);
        batch.BatchCommands.Clear();
    }

    /// <summary>One entity type's table as the model maps it, for one provider.</summary>
    private sealed class Table
    {
        private static readonly Dictionary<(IEntityType, Type), Table> Cache = [];

        private Table(string name, Column[] columns, string target)
        {
            Name = name;
            Columns = columns;
            Target = target;
        }

        public string Name { get; }
        private Column[] Columns { get; }

        /// <summary><c>"table" ("column", …)</c> with every column, quoted as the provider quotes.</summary>
        private string Target { get; }

        public static Table For(PartnerHubDb db, IEntityType type)
        {
            lock (Cache)
            {
                var key = (type, db.GetType());
                if (Cache.TryGetValue(key, out var table)) return table;
                var name = type.GetTableName() ?? throw new InvalidOperationException($"{type.DisplayName()} has no table.");
                var store = StoreObjectIdentifier.Table(name, type.GetSchema());
                var columns = type.GetProperties().Select(p =>
                {
                    if (p.IsShadowProperty() || (p.ValueGenerated != ValueGenerated.Never && !p.IsPrimaryKey()))
                        throw new InvalidOperationException($"{type.DisplayName()}.{p.Name} is a shadow or store-generated property; batched inserts write only what the entity holds.");
                    return new Column(p.GetColumnName(store)!, p.GetGetter(), p.GetRelationalTypeMapping(), p.IsNullable);
                }).ToArray();
                var sql = db.GetService<ISqlGenerationHelper>();
                var target = $"{sql.DelimitIdentifier(name)} ({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.Name)))})";
                return Cache[key] = new Table(name, columns, target);
            }
        }

        /// <summary>
        /// SQLite runs in this process, so a statement per row costs no round trip; binding by position skips
        /// Microsoft.Data.Sqlite's lookup of each parameter by name, a linear search that made multi-row statements cost the
        /// square of their size.
        /// </summary>
        public void InsertOneByOne(SqliteConnection connection, IReadOnlyList<object> rows)
        {
            var db = connection.Handle!;
            var sql = $"INSERT INTO {Target} VALUES ({string.Join(", ", Columns.Select(_ => "?"))})";
            Check(raw.sqlite3_prepare_v2(db, sql, out var statement), db);
            using (statement)
            {
                foreach (var row in rows)
                {
                    for (var c = 0; c < Columns.Length; c++) Columns[c].Bind(statement, c + 1, Columns[c].ProviderValue(row));
                    Check(raw.sqlite3_step(statement), db);
                    raw.sqlite3_reset(statement);
                }
            }
        }

        private static void Check(int rc, sqlite3 db)
        {
            if (rc is not (raw.SQLITE_OK or raw.SQLITE_DONE)) SqliteException.ThrowExceptionForRC(rc, db);
        }

        public async Task CopyAsync(NpgsqlConnection connection, IReadOnlyList<object> rows, CancellationToken ct)
        {
            await using var importer = await connection.BeginBinaryImportAsync($"COPY {Target} FROM STDIN (FORMAT BINARY)", ct);
            foreach (var row in rows)
            {
                await importer.StartRowAsync(ct);
                foreach (var column in Columns)
                {
                    var value = column.ProviderValue(row);
                    if (value is DBNull) await importer.WriteNullAsync(ct);
                    else await importer.WriteAsync(value, ct);
                }
            }

            await importer.CompleteAsync(ct);
        }

        /// <summary>One multi-row INSERT of <paramref name="rows"/>, for a batch.</summary>
        public NpgsqlBatchCommand InsertValues(IReadOnlyList<object> rows)
        {
            var command = new NpgsqlBatchCommand();
            using var parameters = new NpgsqlCommand(); // EF Core's mappings make parameters for a command; the batch's take them
            var text = new StringBuilder("INSERT INTO ").Append(Target).Append(" VALUES ");
            foreach (var row in rows)
            {
                text.Append(command.Parameters.Count == 0 ? "(" : ", (");
                for (var c = 0; c < Columns.Length; c++)
                {
                    // Unnamed: Npgsql sends $n placeholders as they are, and rewrites named ones.
                    var parameter = Columns[c].Mapping.CreateParameter(parameters, "", null, Columns[c].Nullable);
                    parameter.Value = Columns[c].ProviderValue(row);
                    command.Parameters.Add((NpgsqlParameter)parameter);
                    text.Append(c == 0 ? "$" : ", $").Append(command.Parameters.Count);
                }

                text.Append(')');
            }

            command.CommandText = text.ToString();
            return command;
        }
    }

    private sealed record Column(string Name, IClrPropertyGetter Getter, RelationalTypeMapping Mapping, bool Nullable)
    {
        /// <summary>The value as the database stores it, through the property's value converter (typed ids, enums, JSON, ticks).</summary>
        public object ProviderValue(object entity)
        {
            var value = Getter.GetClrValueUsingContainingEntity(entity);
            if (value is not null && Mapping.Converter is { } converter) value = converter.ConvertToProvider(value);
            return value ?? DBNull.Value;
        }

        /// <summary>Binds a provider value as Microsoft.Data.Sqlite would for this model; a type it cannot bind fails loudly.</summary>
        public void Bind(sqlite3_stmt statement, int index, object value)
        {
            var rc = value switch
            {
                DBNull => raw.sqlite3_bind_null(statement, index),
                string text => raw.sqlite3_bind_text(statement, index, text),
                Guid guid => SqliteGuid.Bind(statement, index, guid),
                long number => raw.sqlite3_bind_int64(statement, index, number),
                int number => raw.sqlite3_bind_int(statement, index, number),
                bool flag => raw.sqlite3_bind_int(statement, index, flag ? 1 : 0),
                double number => raw.sqlite3_bind_double(statement, index, number),
                byte[] bytes => raw.sqlite3_bind_blob(statement, index, bytes),
                _ => throw new InvalidOperationException($"Column {Name} holds a {value.GetType().Name}, which batched inserts cannot bind on SQLite."),
            };
            if (rc != raw.SQLITE_OK) throw new InvalidOperationException($"SQLite refused the value of {Name} (error {rc}).");
        }
    }
}
