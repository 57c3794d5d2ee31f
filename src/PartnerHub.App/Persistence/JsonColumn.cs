using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PartnerHub.App.Persistence;

/// <summary>
/// Stores a small immutable value (a record, or a read-only list of records) as one JSON text column. Used for data
/// that is always read and written with its owner and never queried on its own, such as contacts and agreement terms.
/// Because the value is immutable, a change is always a new instance, and change tracking compares references.
/// </summary>
internal static class JsonColumn
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };

    public static PropertyBuilder<T> HasJsonConversion<T>(this PropertyBuilder<T> property) where T : class
    {
        // The same web defaults either way: a source-generated serializer where there is one (GeneratedJson), else reflection.
        var info = (JsonTypeInfo<T>?)GeneratedJson.Default.GetTypeInfo(typeof(T)) ?? (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));
        return property.HasConversion(
            value => JsonSerializer.Serialize(value, info),
            json => JsonSerializer.Deserialize(json, info)!,
            new ValueComparer<T>((a, b) => ReferenceEquals(a, b), value => value.GetHashCode(), value => value));
    }
}
