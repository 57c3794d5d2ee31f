using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using PartnerHub.Core.Partners;

namespace PartnerHub.App.Persistence;

internal static class TypedIdConverters
{
    public sealed class PartnerIdConverter() : ValueConverter<PartnerId, Guid>(id => id.Value, value => new PartnerId(value));
}

/// <summary>SQLite has no instant type; storing UTC ticks keeps instants comparable and sortable in SQL.</summary>
internal sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    value => value.UtcTicks,
    ticks => new DateTimeOffset(ticks, TimeSpan.Zero));
