using System.Text;
using SQLitePCL;

namespace PartnerHub.App.Persistence;

/// <summary>Binds a Guid the way EF Core stores it in SQLite: upper-case text, so queries by id find what raw writers wrote.</summary>
internal static class SqliteGuid
{
    public static int Bind(sqlite3_stmt statement, int index, Guid value)
    {
        Span<byte> text = stackalloc byte[36];
        value.TryFormat(text, out _, "D");
        Ascii.ToUpperInPlace(text, out _);
        return raw.sqlite3_bind_text(statement, index, text);
    }
}
