using System.Text.Json;
using System.Text.Json.Serialization;

namespace PartnerHub.Cli;

/// <summary>How every command's --json output is written: the same shape as the API's responses, indented.</summary>
public static class CliJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };
}
