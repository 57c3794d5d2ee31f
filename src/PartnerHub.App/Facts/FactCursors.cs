using System.Buffers.Text;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Data.Sqlite;
using Npgsql;
using SQLitePCL;

namespace PartnerHub.App.Facts;

/// <summary>How a column is read by the bulk loader; the SQL dialect may compute it (the first letter of an enum's name).</summary>
internal enum ColumnRead
{
    Partner,
    Date,
    NullableDate,
    Long,
    Int,

    /// <summary>The first character of a text column, as a number: enums are stored by name, and their initials differ.</summary>
    Initial,

    /// <summary>A short text repeated across rows (a track, an exam): one string instance per distinct value.</summary>
    Interned,

    /// <summary>A text reduced to <see cref="CustomerKey"/>.</summary>
    CustomerKey,
}

/// <summary>
/// A forward-only reader over the rows of one query, read column by column in order. Two implementations, one per
/// database, each the fastest way its driver offers: SQLite's C API without per-row allocation, and PostgreSQL's binary COPY.
/// </summary>
internal interface IFactCursor : IDisposable
{
    bool Next();

    /// <summary>The row's partner as an index into the load's partners; −1 for a partner not in the load.</summary>
    int Partner();

    int Day();

    int? DayOrNull();

    long Long();

    int Int();

    int Initial();

    string Interned();

    int CustomerKey();
}

internal static class FactSql
{
    public static string Select(bool postgres, string table, (string Column, ColumnRead Read)[] columns, string where, long from, long to)
    {
        var list = string.Join(", ", columns.Select(c => postgres && c.Read == ColumnRead.Initial ? $"ascii({c.Column})" : c.Column));
        var range = $"id >= {from} AND id < {to}";
        return $"SELECT {list} FROM {table} WHERE {range}{(where.Length > 0 ? " AND " + where : "")}";
    }
}

/// <summary>
/// The few SQLite C functions the bulk loader calls per row, bound directly: SQLitePCL's wrappers take a SafeHandle,
/// whose reference counting on every call costs as much as the call. Column reads are tiny and never block, so they
/// also skip the GC transition. The statement itself is prepared and owned through SQLitePCL.
/// </summary>
internal static partial class NativeMethods
{
    private const string Library = "e_sqlite3";

    [LibraryImport(Library)]
    public static partial int sqlite3_step(IntPtr statement);

    [LibraryImport(Library), SuppressGCTransition]
    public static partial long sqlite3_column_int64(IntPtr statement, int column);

    [LibraryImport(Library), SuppressGCTransition]
    public static partial int sqlite3_column_int(IntPtr statement, int column);

    [LibraryImport(Library), SuppressGCTransition]
    public static partial int sqlite3_column_type(IntPtr statement, int column);

    [LibraryImport(Library), SuppressGCTransition]
    public static partial IntPtr sqlite3_column_blob(IntPtr statement, int column);

    [LibraryImport(Library), SuppressGCTransition]
    public static partial int sqlite3_column_bytes(IntPtr statement, int column);
}

/// <summary>Reads rows straight from SQLite's C API: text columns arrive as spans of UTF-8 and are parsed in place.</summary>
internal sealed unsafe class SqliteFactCursor : IFactCursor
{
    private readonly SqliteConnection _connection;
    private readonly sqlite3_stmt _statement;
    private readonly IReadOnlyDictionary<Guid, int> _partners;
    private readonly byte[] _lastPartner = new byte[64];
    private readonly List<(byte[] Utf8, string Text)> _interned = [];
    private int _lastPartnerLength = -1;
    private int _lastPartnerIndex = -1;
    private int _column;

    public SqliteFactCursor(string connectionString, string sql, IReadOnlyDictionary<Guid, int> partners)
    {
        _partners = partners;
        _connection = new SqliteConnection(connectionString);
        _connection.Open();
        using (var pragma = _connection.CreateCommand())
        {
            // No memory mapping: mapped pages of a large scan count in the process's peak memory, which the bulk load
            // keeps low; a 16 MiB page cache instead.
            pragma.CommandText = "PRAGMA mmap_size = 0; PRAGMA cache_size = -16384;";
            pragma.ExecuteNonQuery();
        }

        Check(raw.sqlite3_prepare_v2(_connection.Handle, sql, out _statement), sql);
        _handle = _statement.DangerousGetHandle();
    }

    private readonly IntPtr _handle;

    private ReadOnlySpan<byte> Bytes(int column)
    {
        var data = NativeMethods.sqlite3_column_blob(_handle, column);
        return data == IntPtr.Zero ? default : new ReadOnlySpan<byte>((void*)data, NativeMethods.sqlite3_column_bytes(_handle, column));
    }

    public bool Next()
    {
        _column = 0;
        var rc = NativeMethods.sqlite3_step(_handle);
        if (rc == raw.SQLITE_ROW) return true;
        if (rc == raw.SQLITE_DONE) return false;
        Check(rc, "step");
        return false;
    }

    public int Partner()
    {
        var text = Bytes(_column++);
        // Rows of one partner are usually stored together: skip the parse and lookup when the id repeats.
        if (text.Length == _lastPartnerLength && text.SequenceEqual(_lastPartner.AsSpan(0, _lastPartnerLength))) return _lastPartnerIndex;
        var index = -1;
        if (text.Length <= _lastPartner.Length)
        {
            if (Utf8Parser.TryParse(text, out Guid id, out var used) && used == text.Length) index = _partners.TryGetValue(id, out var i) ? i : -1;
            else if (text.Length == 16) index = _partners.TryGetValue(new Guid(text), out var j) ? j : -1; // a Guid stored as a blob
            text.CopyTo(_lastPartner);
            _lastPartnerLength = text.Length;
        }

        _lastPartnerIndex = index;
        return index;
    }

    public int Day() => ParseDay(Bytes(_column++));

    public int? DayOrNull()
    {
        if (NativeMethods.sqlite3_column_type(_handle, _column) == raw.SQLITE_NULL)
        {
            _column++;
            return null;
        }

        return Day();
    }

    public long Long() => NativeMethods.sqlite3_column_int64(_handle, _column++);

    public int Int() => NativeMethods.sqlite3_column_int(_handle, _column++);

    public int Initial()
    {
        var text = Bytes(_column++);
        return text.IsEmpty ? 0 : text[0];
    }

    public string Interned()
    {
        var text = Bytes(_column++);
        foreach (var (utf8, value) in _interned)
            if (text.SequenceEqual(utf8)) return value;
        var s = Encoding.UTF8.GetString(text);
        _interned.Add((text.ToArray(), s));
        return s;
    }

    public int CustomerKey()
    {
        if (NativeMethods.sqlite3_column_type(_handle, _column) == raw.SQLITE_NULL)
        {
            _column++;
            return 0;
        }

        return Facts.CustomerKey.Of(Bytes(_column++));
    }

    /// <summary>"yyyy-MM-dd", as EF Core stores a DateOnly in SQLite, to a day number without allocating.</summary>
    private static int ParseDay(ReadOnlySpan<byte> text)
    {
        if (text.Length == 10 && text[4] == '-' && text[7] == '-')
        {
            var year = ((text[0] - '0') * 1000) + ((text[1] - '0') * 100) + ((text[2] - '0') * 10) + (text[3] - '0');
            var month = ((text[5] - '0') * 10) + (text[6] - '0');
            var day = ((text[8] - '0') * 10) + (text[9] - '0');
            return new DateOnly(year, month, day).DayNumber;
        }

        return DateOnly.Parse(Encoding.UTF8.GetString(text), System.Globalization.CultureInfo.InvariantCulture).DayNumber;
    }

    private void Check(int rc, string what)
    {
        if (rc != raw.SQLITE_OK) throw new InvalidOperationException($"SQLite error {rc} ({raw.sqlite3_errmsg(_connection.Handle).utf8_to_string()}) in {what}.");
    }

    public void Dispose()
    {
        _statement.Dispose();
        _connection.Dispose();
    }
}

/// <summary>Reads rows with PostgreSQL's binary COPY: no text parsing, values arrive in their binary form.</summary>
internal sealed class NpgsqlFactCursor : IFactCursor
{
    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlBinaryExporter _export;
    private readonly IReadOnlyDictionary<Guid, int> _partners;
    private readonly Dictionary<string, string> _interned = new(StringComparer.Ordinal);
    private readonly int _columns;
    private int _column;
    private Guid _lastPartner;
    private int _lastPartnerIndex = -1;

    public NpgsqlFactCursor(string connectionString, string sql, int columns, IReadOnlyDictionary<Guid, int> partners)
    {
        _partners = partners;
        _columns = columns;
        _connection = new NpgsqlConnection(connectionString);
        _connection.Open();
        _export = _connection.BeginBinaryExport($"COPY ({sql}) TO STDOUT (FORMAT BINARY)");
    }

    /// <summary>
    /// Moves to the next row. A row left part-read (a fact of a partner outside the load) is skipped to its end
    /// first: the binary exporter refuses to start a row in the middle of another.
    /// </summary>
    public bool Next()
    {
        if (_column > 0)
            for (; _column < _columns; _column++) _export.Skip();
        _column = 0;
        return _export.StartRow() != -1;
    }

    public int Partner()
    {
        var id = Read<Guid>();
        if (id == _lastPartner && _lastPartnerIndex >= 0) return _lastPartnerIndex;
        _lastPartner = id;
        _lastPartnerIndex = _partners.TryGetValue(id, out var i) ? i : -1;
        return _lastPartnerIndex;
    }

    public int Day() => Read<DateOnly>().DayNumber;

    public int? DayOrNull() => _export.IsNull ? SkipNull<int?>(null) : Day();

    public long Long() => Read<long>();

    public int Int() => Read<int>();

    public int Initial() => Read<int>();

    public string Interned()
    {
        var s = Read<string>();
        if (_interned.TryGetValue(s, out var known)) return known;
        _interned[s] = s;
        return s;
    }

    public int CustomerKey() => _export.IsNull ? SkipNull(0) : Facts.CustomerKey.Of(Read<string>());

    private T Read<T>()
    {
        _column++;
        return _export.Read<T>();
    }

    private T SkipNull<T>(T value)
    {
        _column++;
        _export.Skip();
        return value;
    }

    public void Dispose()
    {
        _export.Dispose();
        _connection.Dispose();
    }
}
