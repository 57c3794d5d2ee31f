using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace PartnerHub.App.Csv;

/// <summary>Decodes an uploaded file, remembering which lines held bytes that are not UTF-8 so those rows can be refused by line number.</summary>
public sealed record Utf8Text(string Text, IReadOnlySet<int> InvalidLines)
{
    public static Utf8Text Decode(byte[] bytes)
    {
        var span = bytes.AsSpan();
        if (span.StartsWith(Encoding.UTF8.Preamble)) span = span[3..];

        var invalid = new HashSet<int>();
        var builder = new StringBuilder(span.Length);
        var chars = ArrayPool<char>.Shared.Rent(4096);
        try
        {
            var line = 1;
            while (!span.IsEmpty)
            {
                var status = Utf8.ToUtf16(span, chars, out var read, out var written, replaceInvalidSequences: false, isFinalBlock: true);
                builder.Append(chars, 0, written);
                line += span[..read].Count((byte)'\n');
                span = span[read..];
                if (status != OperationStatus.InvalidData) continue;

                // Skip the bad byte; the line is reported and the replacement char marks the spot.
                invalid.Add(line);
                builder.Append('\uFFFD');
                span = span[1..];
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }

        return new Utf8Text(builder.ToString(), invalid);
    }
}
