using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using PartnerHub.Core.Common;
using PartnerHub.Core.Facts;

namespace PartnerHub.App.Revenue;

/// <summary>
/// A revenue event as a source system sends it (API body, JSONL line, CSV row): every field as text, checked by
/// <see cref="Validate"/>. Field names are the API's; CSV columns are the same in snake_case.
/// </summary>
public sealed record RevenueEventInput
{
    /// <summary>The event's id in the source system: the idempotency key when no Idempotency-Key header is sent.</summary>
    public string? Id { get; init; }
    public string? Kind { get; init; }
    public string? OccurredOn { get; init; }
    public string? Amount { get; init; }
    public string? Currency { get; init; }
    public string? Customer { get; init; }
    public string? CustomerDomain { get; init; }

    /// <summary>An explicit partner: its id, external id or domain.</summary>
    public string? Partner { get; init; }
    public string? DealRegistrationId { get; init; }
    public string? ReferralCode { get; init; }

    /// <summary>For a refund or chargeback: the id of the payment it reverses.</summary>
    public string? Refunds { get; init; }
    public string? Source { get; init; }

    /// <summary>The CSV columns, in order, and the fields they fill.</summary>
    public static readonly IReadOnlyList<(string Column, string Field, bool Required, string Description)> Columns =
    [
        ("external_id", "id", true, "The event's id in the source system: the idempotency key."),
        ("kind", "kind", true, "booking, invoice, payment, refund or chargeback."),
        ("occurred_on", "occurredOn", true, "The business date (yyyy-MM-dd)."),
        ("amount", "amount", true, "The amount in major units (1234.56), positive; the kind gives the direction."),
        ("currency", "currency", false, "ISO 4217 code; the program's currency when empty."),
        ("customer", "customer", false, "The customer's reference in the source system."),
        ("customer_domain", "customerDomain", false, "The customer's web domain (attribution through a registration)."),
        ("partner", "partner", false, "An explicit partner: id, external id or domain."),
        ("deal_registration_id", "dealRegistrationId", false, "The deal registration the revenue came through."),
        ("referral_code", "referralCode", false, "The partner referral code the customer came with."),
        ("refunds", "refunds", false, "For a refund or chargeback: the id of the payment it reverses."),
        ("source", "source", false, "Where the event came from (crm, billing…)."),
    ];

    public static RevenueEventInput FromCells(Func<string, string?> cell) => new()
    {
        Id = cell("external_id"), Kind = cell("kind"), OccurredOn = cell("occurred_on"), Amount = cell("amount"), Currency = cell("currency"),
        Customer = cell("customer"), CustomerDomain = cell("customer_domain"), Partner = cell("partner"), DealRegistrationId = cell("deal_registration_id"),
        ReferralCode = cell("referral_code"), Refunds = cell("refunds"), Source = cell("source"),
    };

    /// <summary>
    /// Checks every field at once. <paramref name="idempotencyKey"/> stands in for a missing id; <paramref name="defaultSource"/>
    /// names the path when the event names no source. Errors name the API's fields.
    /// </summary>
    public Result<ValidRevenueEvent> Validate(Currency programCurrency, string? idempotencyKey, string defaultSource)
    {
        var errors = new FieldErrors();
        var id = Text.Line(errors, "id", Id ?? idempotencyKey, 200);
        if (id is null) errors.Add("id", "Give the event's id (or send an Idempotency-Key header): it makes a replay harmless.");

        RevenueKind kind = default;
        var kindText = Text.Line(errors, "kind", Kind, 20, required: true);
        if (kindText is not null && (!Enum.TryParse(kindText, ignoreCase: true, out kind) || int.TryParse(kindText, out _)))
            errors.Add("kind", $"'{Short(kindText)}' is not one of booking, invoice, payment, refund, chargeback.");

        DateOnly occurredOn = default;
        var dateText = Text.Line(errors, "occurredOn", OccurredOn, 20, required: true);
        if (dateText is not null && !DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out occurredOn))
            errors.Add("occurredOn", $"'{Short(dateText)}' is not a date like 2026-01-31.");

        var currency = programCurrency;
        if (!string.IsNullOrWhiteSpace(Currency))
        {
            var parsed = Core.Common.Currency.Parse(Currency);
            if (parsed.IsSuccess) currency = parsed.Value;
            else errors.Merge("", parsed.Error);
        }

        long amount = 0;
        var amountText = Text.Line(errors, "amount", Amount, 30, required: true);
        if (amountText is not null)
        {
            var money = Money.ParseMajor(amountText, currency);
            if (!money.IsSuccess) errors.Merge("", money.Error);
            else if (money.Value.Minor <= 0) errors.Add("amount", "The amount must be more than zero; the kind (refund, chargeback) gives the direction.");
            else amount = money.Value.Minor;
        }

        var customer = Text.Line(errors, "customer", Customer, 200);
        string? domain = null;
        if (!string.IsNullOrWhiteSpace(CustomerDomain))
        {
            var normalized = Core.Deals.CustomerDomain.Normalize(CustomerDomain);
            if (normalized.IsSuccess) domain = normalized.Value.Host;
            else errors.Merge("", normalized.Error);
        }

        var partner = Text.Line(errors, "partner", Partner, 253);
        Guid? registration = null;
        var registrationText = Text.Line(errors, "dealRegistrationId", DealRegistrationId, 60);
        if (registrationText is not null)
        {
            if (Guid.TryParse(registrationText, out var g)) registration = g;
            else errors.Add("dealRegistrationId", $"'{Short(registrationText)}' is not a deal registration id.");
        }

        var code = Text.Line(errors, "referralCode", ReferralCode, 50);
        if (code is not null && !code.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            errors.Add("referralCode", "A referral code has letters, digits, '-' and '_' only.");
        var refunds = Text.Line(errors, "refunds", Refunds, 200);
        if (refunds is not null && kindText is not null && !Reverses(kind))
            errors.Add("refunds", "Only a refund or chargeback names the payment it reverses.");
        var source = Text.Line(errors, "source", Source, 50) ?? defaultSource;

        if (errors.Any) return errors.ToError();
        return new ValidRevenueEvent(id!, kind, occurredOn, new Money(amount, currency), customer, domain, partner, registration,
            code is null ? null : ReferralCodeRecord.Normalize(code), refunds, source);
    }

    private static bool Reverses(RevenueKind kind) => kind is RevenueKind.Refund or RevenueKind.Chargeback;

    private static string Short(string text) => text.Length <= 40 ? text : text[..40] + "…";
}

/// <summary>A revenue event that passed validation, normalized (kind parsed, amount in minor units, domain canonical, code upper case).</summary>
public sealed record ValidRevenueEvent(
    string ExternalId,
    RevenueKind Kind,
    DateOnly OccurredOn,
    Money Amount,
    string? Customer,
    string? CustomerDomain,
    string? Partner,
    Guid? DealRegistrationId,
    string? ReferralCode,
    string? Refunds,
    string Source)
{
    /// <summary>The canonical request: what "the same body" means for an idempotency key (formatting and field order do not matter).</summary>
    public string Hash()
    {
        var canonical = string.Join('\u001f', ExternalId, Kind.ToString(), OccurredOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Amount.Minor.ToString(CultureInfo.InvariantCulture), Amount.Currency.Code, Customer, CustomerDomain, Partner, DealRegistrationId?.ToString(),
            ReferralCode, Refunds, Source);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    /// <summary>Whether a stored event records the same money as this one (what makes a re-delivery under a new key harmless).</summary>
    public bool SameMoneyAs(Facts.RevenueEventRecord stored) =>
        stored.Kind == Kind && stored.OccurredOn == OccurredOn && stored.AmountMinor == Amount.Minor && stored.Currency == Amount.Currency.Code
        && stored.CustomerRef == Customer && stored.DealRegistrationId == DealRegistrationId;
}
