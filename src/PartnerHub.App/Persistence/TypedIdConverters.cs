using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using PartnerHub.App.Ledger;
using PartnerHub.Core.Common;
using PartnerHub.Core.Deals;
using PartnerHub.Core.Ledger;
using PartnerHub.Core.Partners;

namespace PartnerHub.App.Persistence;

internal static class TypedIdConverters
{
    public sealed class PartnerIdConverter() : ValueConverter<PartnerId, Guid>(id => id.Value, value => new PartnerId(value));

    public sealed class DealIdConverter() : ValueConverter<DealId, Guid>(id => id.Value, value => new DealId(value));

    public sealed class LedgerTransactionIdConverter() : ValueConverter<LedgerTransactionId, Guid>(id => id.Value, value => new LedgerTransactionId(value));

    public sealed class StatementIdConverter() : ValueConverter<StatementId, Guid>(id => id.Value, value => new StatementId(value));

    public sealed class PayoutBatchIdConverter() : ValueConverter<PayoutBatchId, Guid>(id => id.Value, value => new PayoutBatchId(value));

    /// <summary>A currency is stored as its ISO 4217 code; only valid codes were ever written.</summary>
    public sealed class CurrencyConverter() : ValueConverter<Currency, string>(currency => currency.Code, code => Currency.Parse(code).Value);
}

/// <summary>SQLite has no instant type; storing UTC ticks keeps instants comparable and sortable in SQL.</summary>
internal sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    value => value.UtcTicks,
    ticks => new DateTimeOffset(ticks, TimeSpan.Zero));
