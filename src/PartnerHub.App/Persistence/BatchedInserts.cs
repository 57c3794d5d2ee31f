using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using PartnerHub.App.Audit;
using PartnerHub.App.Webhooks;
using PartnerHub.Core.Partners;

namespace PartnerHub.App.Persistence;

/// <summary>
/// Writes new rows as multi-row INSERT statements with parameters, built from the EF model (table, columns, value
/// conversions), in the context's transaction. EF Core builds and sends one INSERT per row (on SQLite each its own
/// command); an import of 100k partners writes 300k rows (partner, audit entry, outbox event), where that cost dominated. <see cref="PartnerHubDb.SaveChangesAsync(bool, CancellationToken)"/> uses it for every save, so the
/// import and a single edit share one write path (ADR 18).
/// </summary>
internal static class BatchedInserts
{
    // SQLite finds each named parameter by a linear search (sqlite3_bind_parameter_index), so binding a statement costs
    // the square of its parameter count: a few hundred keep that below the per-statement cost. PostgreSQL pays a round
    // trip per statement instead, so its statements are large (its limit is 65,535 parameters).
    private const int SqliteMaxParameters = 200;
    private const int PostgresMaxParameters = 16_000;
    private const int MaxRows = 1_000;

    /// <summary>
    /// The entity types written here: append-only rows and partners, which have client-made keys, no store-generated
    /// values, no shadow properties and no foreign keys to rows of the same save. Other types stay with EF Core's update
    /// pipeline, which orders dependent rows and reads back generated values.
    /// </summary>
    private static readonly HashSet<Type> Types = [typeof(Partner), typeof(AuditEntry), typeof(WebhookEvent)];

    public static bool Handles(IEntityType? type) => type is not null && Types.Contains(type.ClrType);

    public static async Task<int> InsertAsync(PartnerHubDb db, IReadOnlyList<object> rows, CancellationToken ct)
    {
        if (rows.Count == 0) return 0;
        var table = Table.For(db, db.Model.FindEntityType(rows[0].GetType())
            ?? throw new InvalidOperationException($"{rows[0].GetType().Name} is not in the model."));
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Batched inserts run inside the save's transaction.");

        var maxParameters = db.Provider == DatabaseProvider.Postgres ? PostgresMaxParameters : SqliteMaxParameters;
        var perStatement = Math.Max(1, Math.Min(MaxRows, maxParameters / table.Columns.Length));
        DbCommand? full = null;
        try
        {
            for (var start = 0; start < rows.Count; start += perStatement)
            {
                var count = Math.Min(perStatement, rows.Count - start);
                // A full-size statement is prepared once and rebound; only the last, shorter one gets its own text.
                var command = count == perStatement ? full ??= table.Command(connection, count) : table.Command(connection, count);
                command.Transaction = transaction;
                table.Bind(command, rows, start, count);
                try
                {
                    await command.ExecuteNonQueryAsync(ct);
                }
                catch (DbException e)
                {
                    // The same exception EF Core throws, so callers that turn a unique violation into a field error keep working.
                    throw new DbUpdateException($"Inserting {count} rows into {table.Name} failed: {e.Message}", e);
                }
                finally
                {
                    if (command != full) await command.DisposeAsync();
                }
            }
        }
        finally
        {
            if (full is not null) await full.DisposeAsync();
        }

        return rows.Count;
    }

    /// <summary>One entity type's table as the model maps it, for one provider.</summary>
    private sealed class Table
    {
        private static readonly Dictionary<(IEntityType, Type), Table> Cache = [];

        private Table(string name, Column[] columns, ISqlGenerationHelper sql, bool positional)
        {
            Name = name;
            Columns = columns;
            Sql = sql;
            Positional = positional;
        }

        public string Name { get; }
        public Column[] Columns { get; }
        private ISqlGenerationHelper Sql { get; }
        private bool Positional { get; }

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
                return Cache[key] = new Table(name, columns, db.GetService<ISqlGenerationHelper>(), db.Provider == DatabaseProvider.Postgres);
            }
        }

        public DbCommand Command(DbConnection connection, int rows)
        {
            var command = connection.CreateCommand();
            var text = new StringBuilder("INSERT INTO ").Append(Sql.DelimitIdentifier(Name)).Append(" (")
                .AppendJoin(", ", Columns.Select(c => Sql.DelimitIdentifier(c.Name))).Append(") VALUES ");
            for (var r = 0; r < rows; r++)
            {
                text.Append(r == 0 ? "(" : ", (");
                for (var c = 0; c < Columns.Length; c++)
                {
                    var n = r * Columns.Length + c;
                    // Npgsql sends $n placeholders with unnamed parameters as they are; named ones it rewrites, which costs
                    // with thousands. Microsoft.Data.Sqlite binds by name only.
                    var (placeholder, name) = Positional ? ($"${n + 1}", "") : (Sql.GenerateParameterNamePlaceholder($"p{n}"), Sql.GenerateParameterName($"p{n}"));
                    text.Append(c == 0 ? "" : ", ").Append(placeholder);
                    // The type mapping configures the parameter as EF Core would (SQLite text GUIDs, PostgreSQL timestamptz and arrays).
                    command.Parameters.Add(Columns[c].Mapping.CreateParameter(command, name, null, Columns[c].Nullable));
                }

                text.Append(')');
            }

            command.CommandText = text.ToString();
            return command;
        }

        public void Bind(DbCommand command, IReadOnlyList<object> rows, int start, int count)
        {
            var i = 0;
            for (var r = start; r < start + count; r++)
                foreach (var column in Columns)
                    command.Parameters[i++].Value = column.ProviderValue(rows[r]);
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
    }
}
