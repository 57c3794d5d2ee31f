using System.Text.Json;
using System.Text.Json.Serialization;
using PartnerHub.App.Audit;
using PartnerHub.App.Partners;
using PartnerHub.App.Webhooks;
using PartnerHub.Core.Partners;

namespace PartnerHub.App.Persistence;

/// <summary>
/// Source-generated serializers for the JSON written once per imported partner (contacts, agreement, audit changes, the
/// <c>partner.*</c> outbox body). With the same web defaults as the reflection-based options they write the same text,
/// through the generated fast path instead of the reflection serializer's resumable converters, which copied a large
/// stack frame per value and were a tenth of an import's time. Types not listed here keep the reflection serializer.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(IReadOnlyList<Contact>))]
[JsonSerializable(typeof(Agreement))]
[JsonSerializable(typeof(IReadOnlyList<FieldChange>))]
[JsonSerializable(typeof(WebhookBody<PartnerView>))]
internal sealed partial class GeneratedJson : JsonSerializerContext;
