using PartnerHub.Core.Common;
using PartnerHub.Core.Programs;

namespace PartnerHub.Core.Marketing;

/// <summary>
/// What an uploaded marketing file (collateral, proof of performance) must be: named by a plain file name, not empty,
/// within the program's size limit and of an allowed content type. The bytes go to the database; the name is only a
/// label for downloads, so a name that looks like a path is refused rather than silently cut.
/// </summary>
public static class UploadRules
{
    public const int MaxFileName = 255;

    public static Result Check(string field, string? fileName, string? contentType, long size, UploadLimits limits)
    {
        if (string.IsNullOrWhiteSpace(fileName) || !IsPlainName(fileName)) return MarketingErrors.PathName(field, fileName ?? "");
        if (size <= 0) return MarketingErrors.EmptyFile(field);
        if (size > limits.MaxBytes) return MarketingErrors.FileTooBig(field, size, limits.MaxBytes);
        if (MediaType(contentType) is not { } type || !limits.ContentTypes.Contains(type, StringComparer.OrdinalIgnoreCase))
            return MarketingErrors.FileType(field, MediaType(contentType), limits.ContentTypes);
        return Result.Success;
    }

    /// <summary>A name with no directory part, no parent or hidden-file dots at the start, no control or reserved characters.</summary>
    public static bool IsPlainName(string name) =>
        name.Length <= MaxFileName && name == name.Trim() && !name.StartsWith('.')
        && !name.Any(c => char.IsControl(c) || c is '/' or '\\' or ':' or '"' or '*' or '?' or '<' or '>' or '|');

    /// <summary>"application/pdf; name=x" → "application/pdf": parameters do not change what the file is.</summary>
    public static string? MediaType(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType)) return null;
        var semicolon = contentType.IndexOf(';', StringComparison.Ordinal);
        return (semicolon < 0 ? contentType : contentType[..semicolon]).Trim().ToLowerInvariant();
    }
}
