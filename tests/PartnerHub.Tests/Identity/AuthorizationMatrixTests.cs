using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PartnerHub.App.Deals;
using PartnerHub.App.Identity;
using PartnerHub.App.Ledger;
using PartnerHub.App.Marketing;
using PartnerHub.App.Partners;
using PartnerHub.App.Persistence;
using PartnerHub.Core.Common;
using PartnerHub.Core.Ledger;
using PartnerHub.Core.Marketing;
using PartnerHub.Core.Partners;
using PartnerHub.Tests.Deals;
using PartnerHub.Tests.Infrastructure;

namespace PartnerHub.Tests.Identity;

/// <summary>
/// Every API endpoint × every kind of caller × own, foreign and nonexistent resources. Who may call what comes from the
/// endpoints' own policies and the one permission table; the test asserts that nobody without the permission gets
/// through, that a partner user never reads another partner's data, that a foreign id answers exactly like a
/// nonexistent one, and that no request changes data it must not change. An endpoint missing from the table fails.
/// </summary>
public abstract class AuthorizationMatrixTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    private enum Variant { Collection, Own, Foreign, Missing }

    /// <summary>One caller: how it authenticates, which partner confines it (if any), its roles or scopes.</summary>
    private sealed record Caller(string Name, HttpClient Client, PartnerId? Partner, string[] Roles, string[] Scopes, bool Authenticated);

    /// <summary>The world the requests run against: two partners, each with a user to act on, and an API key to act on.</summary>
    private sealed record World(PartnerId A, PartnerId B, Guid UserOfA, Guid UserOfB, Guid Key, string[] MarkersOfA, string[] MarkersOfB,
        string DomainOfA, string DomainOfB, Guid DealOfA, Guid DealOfB, Guid StatementOfA, Guid StatementOfB, Guid Batch, long EventOfA, long EventOfB)
    {
        public long OwnEvent(Caller c) => c.Partner == B ? EventOfB : EventOfA;
        public long ForeignEvent(Caller c) => c.Partner == B ? EventOfA : EventOfB;
        public PartnerId Own(Caller c) => c.Partner == B ? B : A;
        public string ForeignDomain(Caller c) => c.Partner == B ? DomainOfA : DomainOfB;
        public Guid OwnDeal(Caller c) => c.Partner == B ? DealOfB : DealOfA;
        public Guid ForeignDeal(Caller c) => c.Partner == B ? DealOfA : DealOfB;
        public Guid OwnStatement(Caller c) => c.Partner == B ? StatementOfB : StatementOfA;
        public Guid ForeignStatement(Caller c) => c.Partner == B ? StatementOfA : StatementOfB;
        public PartnerId Foreign(Caller c) => c.Partner == B ? A : B;
        public Guid OwnUser(Caller c) => c.Partner == B ? UserOfB : UserOfA;
        public Guid ForeignUser(Caller c) => c.Partner == B ? UserOfA : UserOfB;
        public string[] ForeignMarkers(Caller c) => c.Partner == B ? MarkersOfA : MarkersOfB;
    }

    private delegate Task<HttpRequestMessage> RequestFor(World world, Caller caller, Variant variant);

    /// <summary>How to call each endpoint. Endpoints with an id get own, foreign and missing; others one call.</summary>
    private Dictionary<string, (bool HasId, RequestFor Build)> Cases() => new()
    {
        ["GET /api/v1/partners/"] = (false, (w, c, v) => Get("/api/v1/partners?pageSize=500&includeArchived=true")),
        ["GET /api/v1/partners/{id:guid}"] = (true, (w, c, v) => Get($"/api/v1/partners/{PartnerIn(w, c, v)}")),
        ["GET /api/v1/partners/{id:guid}/standing"] = (true, (w, c, v) => Get($"/api/v1/partners/{PartnerIn(w, c, v)}/standing")),
        ["GET /api/v1/program/digest"] = (false, (w, c, v) => Get("/api/v1/program/digest?kind=monthly")),
        ["GET /api/v1/partners/{id:guid}/charts/revenue"] = (true, (w, c, v) => Get($"/api/v1/partners/{PartnerIn(w, c, v)}/charts/revenue")),
        ["GET /api/v1/partners/{id:guid}/charts/next-tier"] = (true, (w, c, v) => Get($"/api/v1/partners/{PartnerIn(w, c, v)}/charts/next-tier")),
        ["GET /api/v1/partners/{id:guid}/report"] = (true, (w, c, v) => Get($"/api/v1/partners/{PartnerIn(w, c, v)}/report")),
        ["GET /api/v1/program/overview"] = (false, (w, c, v) => Get("/api/v1/program/overview")),
        ["GET /api/v1/program/roadmap"] = (false, (w, c, v) => Get("/api/v1/program/roadmap")),
        ["GET /api/v1/program/ecosystem"] = (false, (w, c, v) => Get("/api/v1/program/ecosystem")),
        ["GET /api/v1/program/charts/"] = (false, (w, c, v) => Get("/api/v1/program/charts")),
        ["GET /api/v1/program/report"] = (false, (w, c, v) => Get("/api/v1/program/report")),
        ["GET /api/v1/program/charts/{key}"] = (false, (w, c, v) => Get("/api/v1/program/charts/tiers")),
        ["GET /api/v1/program/charts/{key}/partners"] = (false, (w, c, v) => Get("/api/v1/program/charts/targets/partners?point=resellers&series=active")),
        ["GET /api/v1/program/reviews"] = (false, (w, c, v) => Get("/api/v1/program/reviews")),
        ["GET /api/v1/facts/"] = (false, (w, c, v) => Get("/api/v1/facts")),
        ["GET /api/v1/facts/{kind}"] = (true, (w, c, v) => Get($"/api/v1/facts/ratings?partner={PartnerIn(w, c, v)}")),
        ["POST /api/v1/facts/{kind}"] = (true, (w, c, v) => Json(HttpMethod.Post, "/api/v1/facts/ratings",
            new[] { new Dictionary<string, string> { ["partner"] = PartnerIn(w, c, v).ToString(), ["criterion"] = "innovation", ["rated_on"] = "2026-05-01", ["score"] = "4" } })),
        ["POST /api/v1/facts/{kind}/import"] = (true, (w, c, v) => Upload("/api/v1/facts/ratings/import", $"partner,criterion,rated_on,score\n{PartnerIn(w, c, v)},commitment,2026-05-02,3\n")),
        ["POST /api/v1/partners/"] = (false, (w, c, v) => Json(HttpMethod.Post, "/api/v1/partners", Build.Partner())),
        // The world's partners are active, so the edit keeps their stage: an edit that changed it would be refused (lifecycle actions only).
        ["PUT /api/v1/partners/{id:guid}"] = (true, async (w, c, v) => await WithIfMatch(Json(HttpMethod.Put, $"/api/v1/partners/{PartnerIn(w, c, v)}", Build.Partner() with { Stage = "active" }), await VersionAsync(PartnerIn(w, c, v)))),
        ["POST /api/v1/partners/{id:guid}/archive"] = (true, async (w, c, v) => await WithIfMatch(Task.FromResult(new HttpRequestMessage(HttpMethod.Post, $"/api/v1/partners/{PartnerIn(w, c, v)}/archive")), await VersionAsync(PartnerIn(w, c, v)))),
        ["GET /api/v1/partners/{id:guid}/audit"] = (true, (w, c, v) => Get($"/api/v1/partners/{PartnerIn(w, c, v)}/audit")),
        ["POST /api/v1/partners/import"] = (false, (w, c, v) => Upload("/api/v1/partners/import", $"name,domain,subcategory\nMatrix,{Build.Unique("m")}.com,resellers\n")),
        ["GET /api/v1/partners/export"] = (false, (w, c, v) => Get("/api/v1/partners/export")),
        ["GET /api/v1/program/"] = (false, (w, c, v) => Get("/api/v1/program")),
        ["GET /api/v1/program/versions"] = (false, (w, c, v) => Get("/api/v1/program/versions")),
        ["GET /api/v1/program/versions/{number:int}"] = (true, (w, c, v) => Get($"/api/v1/program/versions/{(v == Variant.Missing ? 999 : 1)}")),
        ["GET /api/v1/program/diff"] = (false, (w, c, v) => Get("/api/v1/program/diff?from=1&to=1")),
        ["POST /api/v1/program/validate"] = (false, (w, c, v) => Yaml("/api/v1/program/validate")),
        ["POST /api/v1/program/simulate"] = (false, (w, c, v) => Yaml("/api/v1/program/simulate")),
        ["POST /api/v1/program/versions"] = (false, (w, c, v) => Yaml($"/api/v1/program/versions?effectiveFrom={app.Clock.GetUtcNow():yyyy-MM-dd}")),
        ["GET /api/v1/users/"] = (false, (w, c, v) => Get("/api/v1/users")),
        ["POST /api/v1/users/{id:guid}/role"] = (true, (w, c, v) => Json(HttpMethod.Post, $"/api/v1/users/{UserIn(w, c, v)}/role", new { role = Roles.PartnerUser })),
        ["POST /api/v1/users/{id:guid}/disable"] = (true, (w, c, v) => Post($"/api/v1/users/{UserIn(w, c, v)}/disable")),
        ["POST /api/v1/users/{id:guid}/enable"] = (true, (w, c, v) => Post($"/api/v1/users/{UserIn(w, c, v)}/enable")),
        ["POST /api/v1/invitations/"] = (false, (w, c, v) => Json(HttpMethod.Post, "/api/v1/invitations", new InviteRequest($"{Build.Unique("i")}@example.com", Roles.PartnerUser, w.Foreign(c).Value))),
        ["GET /api/v1/api-keys/"] = (false, (w, c, v) => Get("/api/v1/api-keys")),
        ["POST /api/v1/api-keys/"] = (false, (w, c, v) => Json(HttpMethod.Post, "/api/v1/api-keys", new NewApiKey("matrix", ["partners:read"]))),
        ["POST /api/v1/api-keys/{id:guid}/revoke"] = (true, (w, c, v) => Post($"/api/v1/api-keys/{(v == Variant.Missing ? Guid.NewGuid() : w.Key)}/revoke")),
        ["GET /api/v1/deals/"] = (false, (w, c, v) => Get("/api/v1/deals?pageSize=500")),
        ["GET /api/v1/deals/overdue"] = (false, (w, c, v) => Get("/api/v1/deals/overdue?limit=500")),
        ["GET /api/v1/deals/{id:guid}"] = (true, (w, c, v) => Get($"/api/v1/deals/{DealIn(w, c, v)}")),
        // A partner user naming another partner is refused; vendor staff and keys register for the partner they name.
        ["POST /api/v1/deals/"] = (false, (w, c, v) => Json(HttpMethod.Post, "/api/v1/deals", NewDeal(w.Foreign(c).Value))),
        ["POST /api/v1/deals/{id:guid}/approve"] = (true, (w, c, v) => Json(HttpMethod.Post, $"/api/v1/deals/{DealIn(w, c, v)}/approve", new { reason = "matrix" })),
        ["POST /api/v1/deals/{id:guid}/reject"] = (true, (w, c, v) => Json(HttpMethod.Post, $"/api/v1/deals/{DealIn(w, c, v)}/reject", new { reason = "matrix" })),
        ["POST /api/v1/deals/{id:guid}/extension-request"] = (true, (w, c, v) => Json(HttpMethod.Post, $"/api/v1/deals/{DealIn(w, c, v)}/extension-request", new { reason = "matrix" })),
        ["POST /api/v1/deals/{id:guid}/extension/grant"] = (true, (w, c, v) => Json(HttpMethod.Post, $"/api/v1/deals/{DealIn(w, c, v)}/extension/grant", new { reason = "matrix" })),
        ["POST /api/v1/deals/{id:guid}/extension/deny"] = (true, (w, c, v) => Json(HttpMethod.Post, $"/api/v1/deals/{DealIn(w, c, v)}/extension/deny", new { reason = "matrix" })),
        ["POST /api/v1/deals/{id:guid}/won"] = (true, (w, c, v) => Json(HttpMethod.Post, $"/api/v1/deals/{DealIn(w, c, v)}/won", new { reason = "matrix" })),
        ["POST /api/v1/deals/{id:guid}/lost"] = (true, (w, c, v) => Json(HttpMethod.Post, $"/api/v1/deals/{DealIn(w, c, v)}/lost", new { reason = "matrix" })),
        ["POST /api/v1/deals/import"] = (false, (w, c, v) => Upload("/api/v1/deals/import", DealCsv(c.Partner is null ? w.ForeignDomain(c) : null))),
        ["POST /api/v1/customers/"] = (false, (w, c, v) => Json(HttpMethod.Post, "/api/v1/customers", new { reference = Build.Unique("crm-"), name = Build.Unique("Direct Customer "), domain = Build.Unique("direct") + ".com" })),
        ["GET /api/v1/statements/"] = (false, (w, c, v) => Get("/api/v1/statements")),
        ["GET /api/v1/statements/{id:guid}"] = (true, (w, c, v) => Get($"/api/v1/statements/{(v switch { Variant.Foreign => w.ForeignStatement(c), Variant.Missing => Guid.NewGuid(), _ => w.OwnStatement(c) })}")),
        ["POST /api/v1/statements/close"] = (false, (w, c, v) => Json(HttpMethod.Post, "/api/v1/statements/close", new { period = "2026-05" })),
        ["GET /api/v1/partners/{id:guid}/balance"] = (true, (w, c, v) => Get($"/api/v1/partners/{PartnerIn(w, c, v)}/balance")),
        ["GET /api/v1/payouts/"] = (false, (w, c, v) => Get("/api/v1/payouts")),
        ["POST /api/v1/payouts/"] = (false, (w, c, v) => Json(HttpMethod.Post, "/api/v1/payouts", new { currency = "USD", minimum = "1.00" })),
        ["GET /api/v1/payouts/{id:guid}"] = (true, (w, c, v) => Get($"/api/v1/payouts/{BatchIn(w, v)}")),
        ["GET /api/v1/payouts/{id:guid}/export"] = (true, (w, c, v) => Get($"/api/v1/payouts/{BatchIn(w, v)}/export")),
        ["POST /api/v1/payouts/{id:guid}/paid"] = (true, (w, c, v) => Json(HttpMethod.Post, $"/api/v1/payouts/{BatchIn(w, v)}/paid", new { externalReference = "MATRIX-1" })),
        ["POST /api/v1/payouts/{id:guid}/cancel"] = (true, (w, c, v) => Json(HttpMethod.Post, $"/api/v1/payouts/{BatchIn(w, v)}/cancel", new { reason = "matrix" })),
        // Revenue events: vendor staff and integrations only; a partner user neither sends nor reads any.
        ["POST /api/v1/revenue-events/"] = (false, (w, c, v) => Json(HttpMethod.Post, "/api/v1/revenue-events", NewEvent(w.Foreign(c)))),
        ["POST /api/v1/revenue-events/batch"] = (false, (w, c, v) => Json(HttpMethod.Post, "/api/v1/revenue-events/batch", new[] { NewEvent(w.Foreign(c)) })),
        ["POST /api/v1/revenue-events/import"] = (false, (w, c, v) => Upload("/api/v1/revenue-events/import", $"external_id,kind,occurred_on,amount,partner\n{Build.Unique("m")},payment,2026-05-02,10.00,{w.Foreign(c)}\n")),
        ["GET /api/v1/revenue-events/"] = (false, (w, c, v) => Get("/api/v1/revenue-events?pageSize=500")),
        ["GET /api/v1/revenue-events/{id:long}"] = (true, (w, c, v) => Get($"/api/v1/revenue-events/{EventIn(w, c, v)}")),
        ["POST /api/v1/revenue-events/{id:long}/attribute"] = (true, (w, c, v) => Json(HttpMethod.Post, $"/api/v1/revenue-events/{EventIn(w, c, v)}/attribute", new { partner = w.Own(c).Value.ToString() })),
        ["GET /api/v1/referral-codes/"] = (false, (w, c, v) => Get("/api/v1/referral-codes")),
        ["POST /api/v1/referral-codes/"] = (false, (w, c, v) => Json(HttpMethod.Post, "/api/v1/referral-codes", new { partnerId = w.Foreign(c).Value, code = Build.Unique("M") })),
        // Relationship plans: a partner user reads its own plan only; timelines, alerts, expansion and ending a partnership are vendor-only.
        ["GET /api/v1/partners/{id:guid}/plan"] = (true, (w, c, v) => Get($"/api/v1/partners/{PartnerIn(w, c, v)}/plan")),
        ["POST /api/v1/partners/{id:guid}/plan/goals"] = (true, (w, c, v) => Json(HttpMethod.Post, $"/api/v1/partners/{PartnerIn(w, c, v)}/plan/goals", NewGoal())),
        ["GET /api/v1/partners/{id:guid}/plan/goals/{goalId:guid}"] = (true, async (w, c, v) =>
        {
            var partner = PartnerIn(w, c, v);
            return await Get($"/api/v1/partners/{partner}/plan/goals/{await GoalInAsync(partner, v)}");
        }),
        ["PUT /api/v1/partners/{id:guid}/plan/goals/{goalId:guid}"] = (true, async (w, c, v) =>
        {
            var partner = PartnerIn(w, c, v);
            return await WithIfMatch(Json(HttpMethod.Put, $"/api/v1/partners/{partner}/plan/goals/{await GoalInAsync(partner, v)}", NewGoal()), 1);
        }),
        ["POST /api/v1/partners/{id:guid}/activities"] = (true, (w, c, v) => Json(HttpMethod.Post, $"/api/v1/partners/{PartnerIn(w, c, v)}/activities",
            new { kind = "call", occurredAt = "2026-06-01", who = "matrix@vendor.example", outcome = "Matrix call" })),
        ["GET /api/v1/partners/{id:guid}/timeline"] = (true, (w, c, v) => Get($"/api/v1/partners/{PartnerIn(w, c, v)}/timeline")),
        ["GET /api/v1/partners/{id:guid}/exit-preview"] = (true, (w, c, v) => Get($"/api/v1/partners/{PartnerIn(w, c, v)}/exit-preview?to=churned")),
        ["POST /api/v1/partners/{id:guid}/churn"] = (true, async (w, c, v) => await WithIfMatch(Json(HttpMethod.Post, $"/api/v1/partners/{PartnerIn(w, c, v)}/churn", new { reason = "matrix" }), await VersionAsync(PartnerIn(w, c, v)))),
        ["POST /api/v1/partners/{id:guid}/terminate"] = (true, async (w, c, v) => await WithIfMatch(Json(HttpMethod.Post, $"/api/v1/partners/{PartnerIn(w, c, v)}/terminate", new { reason = "matrix" }), await VersionAsync(PartnerIn(w, c, v)))),
        ["GET /api/v1/program/health-alerts"] = (false, (w, c, v) => Get("/api/v1/program/health-alerts")),
        ["GET /api/v1/program/expansion-candidates"] = (false, (w, c, v) => Get("/api/v1/program/expansion-candidates")),
        // Identification (prospects, assessments, outreach, matrix): vendor staff and keys only; a partner user reads and changes none of it.
        ["GET /api/v1/prospects/"] = (false, (w, c, v) => Get("/api/v1/prospects")),
        ["GET /api/v1/partners/{id:guid}/prospect"] = (true, (w, c, v) => Get($"/api/v1/partners/{PartnerIn(w, c, v)}/prospect")),
        ["PUT /api/v1/partners/{id:guid}/prospect"] = (true, (w, c, v) => WithIfMatch(Json(HttpMethod.Put, $"/api/v1/partners/{PartnerIn(w, c, v)}/prospect", new { source = "inbound", fitNotes = "matrix " + Build.Unique() }), 1)),
        ["GET /api/v1/partners/{id:guid}/assessments"] = (true, (w, c, v) => Get($"/api/v1/partners/{PartnerIn(w, c, v)}/assessments")),
        ["POST /api/v1/partners/{id:guid}/assessments"] = (true, (w, c, v) => Json(HttpMethod.Post, $"/api/v1/partners/{PartnerIn(w, c, v)}/assessments",
            new { scores = new Dictionary<string, int> { ["strategic-fit"] = 5, ["audience-overlap"] = 5, ["technical-capability"] = 5, ["revenue-potential"] = 5 } })),
        ["GET /api/v1/partners/{id:guid}/outreach"] = (true, (w, c, v) => Get($"/api/v1/partners/{PartnerIn(w, c, v)}/outreach")),
        ["POST /api/v1/partners/{id:guid}/outreach"] = (true, (w, c, v) => Json(HttpMethod.Post, $"/api/v1/partners/{PartnerIn(w, c, v)}/outreach", new { channel = "email", outcome = "replied" })),
        ["POST /api/v1/partners/{id:guid}/qualify"] = (true, async (w, c, v) => await WithIfMatch(Json(HttpMethod.Post, $"/api/v1/partners/{PartnerIn(w, c, v)}/qualify", new { @override = true, reason = "matrix" }), await VersionAsync(PartnerIn(w, c, v)))),
        ["POST /api/v1/partners/{id:guid}/cool"] = (true, async (w, c, v) => await WithIfMatch(Json(HttpMethod.Post, $"/api/v1/partners/{PartnerIn(w, c, v)}/cool", new { reason = "matrix" }), await VersionAsync(PartnerIn(w, c, v)))),
        ["GET /api/v1/program/opportunity-matrix"] = (false, (w, c, v) => Get("/api/v1/program/opportunity-matrix")),
        ["GET /api/v1/outreach/plan"] = (false, (w, c, v) => Get("/api/v1/outreach/plan")),
        // Webhooks: administrators and keys with webhooks:manage only; partner users and other vendor staff see none of it.
        ["GET /api/v1/webhooks/"] = (false, (w, c, v) => Get("/api/v1/webhooks")),
        ["POST /api/v1/webhooks/"] = (false, (w, c, v) => Json(HttpMethod.Post, "/api/v1/webhooks", NewWebhook())),
        ["GET /api/v1/webhooks/{id:guid}"] = (true, async (w, c, v) => await Get($"/api/v1/webhooks/{await WebhookInAsync(v)}")),
        ["PUT /api/v1/webhooks/{id:guid}"] = (true, async (w, c, v) => await WithIfMatch(Json(HttpMethod.Put, $"/api/v1/webhooks/{await WebhookInAsync(v)}", NewWebhook()), 1)),
        ["DELETE /api/v1/webhooks/{id:guid}"] = (true, async (w, c, v) => new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/webhooks/{await WebhookInAsync(v)}")),
        ["POST /api/v1/webhooks/{id:guid}/rotate-secret"] = (true, async (w, c, v) => new HttpRequestMessage(HttpMethod.Post, $"/api/v1/webhooks/{await WebhookInAsync(v)}/rotate-secret")),
        ["GET /api/v1/webhooks/{id:guid}/deliveries"] = (true, async (w, c, v) => await Get($"/api/v1/webhooks/{await WebhookInAsync(v)}/deliveries")),
        ["POST /api/v1/webhooks/deliveries/{deliveryId:guid}/redeliver"] = (true, async (w, c, v) => new HttpRequestMessage(HttpMethod.Post, $"/api/v1/webhooks/deliveries/{await DeliveryInAsync(v)}/redeliver")),
        ["POST /api/v1/hooks/subscribe"] = (false, (w, c, v) => Json(HttpMethod.Post, "/api/v1/hooks/subscribe", new Dictionary<string, string> { ["target_url"] = NewWebhookUrl(), ["event"] = "deal.registered" })),
        ["DELETE /api/v1/hooks/{id:guid}"] = (true, async (w, c, v) => new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/hooks/{await WebhookInAsync(v, "rest-hook")}")),
        // Onboarding: a partner user reads and completes only its own partner's journey; starting, the board and the KPI are the vendor's.
        ["POST /api/v1/partners/{id:guid}/onboarding"] = (true, async (w, c, v) => await WithIfMatch(Post($"/api/v1/partners/{PartnerIn(w, c, v)}/onboarding"), await VersionAsync(PartnerIn(w, c, v)))),
        ["GET /api/v1/partners/{id:guid}/onboarding"] = (true, (w, c, v) => Get($"/api/v1/partners/{PartnerIn(w, c, v)}/onboarding")),
        ["POST /api/v1/partners/{id:guid}/onboarding/steps/{key}"] = (true, (w, c, v) =>
        {
            var file = new ByteArrayContent(Encoding.ASCII.GetBytes("%PDF-1.4 matrix"));
            file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
            return Task.FromResult(new HttpRequestMessage(HttpMethod.Post, $"/api/v1/partners/{PartnerIn(w, c, v)}/onboarding/steps/agreement")
            {
                Content = new MultipartFormDataContent { { file, "file", "agreement.pdf" } },
            });
        }),
        ["GET /api/v1/partners/{id:guid}/onboarding/steps/{key}/evidence"] = (true, (w, c, v) => Get($"/api/v1/partners/{PartnerIn(w, c, v)}/onboarding/steps/agreement/evidence")),
        ["GET /api/v1/onboarding/"] = (false, (w, c, v) => Get("/api/v1/onboarding")),
        ["GET /api/v1/onboarding/metrics"] = (false, (w, c, v) => Get("/api/v1/onboarding/metrics")),
        // Training: everyone reads the catalog and its own certificates; partner users enrol, complete modules and take exams for
        // their own organization; sessions, attendance, awards and confirmations are the partner managers'.
        ["GET /api/v1/training/"] = (false, (w, c, v) => Get($"/api/v1/training?partner={w.Foreign(c)}")),
        ["POST /api/v1/training/sessions"] = (false, (w, c, v) => Json(HttpMethod.Post, "/api/v1/training/sessions",
            new { track = "advanced-sales", delivery = "live", title = "Matrix session", startsAt = app.Clock.GetUtcNow().AddDays(30), capacity = 5 })),
        ["GET /api/v1/training/sessions/{id:guid}"] = (true, async (w, c, v) => await Get($"/api/v1/training/sessions/{await SessionInAsync(v)}")),
        ["POST /api/v1/training/sessions/{id:guid}/attendance"] = (true, async (w, c, v) =>
            await Json(HttpMethod.Post, $"/api/v1/training/sessions/{await SessionInAsync(v)}/attendance", new { partnerId = w.Own(c).Value })),
        ["POST /api/v1/training/courses/{track}/enrolment"] = (false, (w, c, v) => Json(HttpMethod.Post, "/api/v1/training/courses/product-fundamentals/enrolment", new { })),
        ["POST /api/v1/training/courses/{track}/modules/{module}"] = (false, (w, c, v) => Post("/api/v1/training/courses/product-fundamentals/modules/platform-tour")),
        ["GET /api/v1/training/exams/{exam}"] = (false, (w, c, v) => Get("/api/v1/training/exams/certified-exam")),
        ["POST /api/v1/training/exams/{exam}/attempts"] = (false, (w, c, v) => Json(HttpMethod.Post, "/api/v1/training/exams/certified-exam/attempts",
            new { answers = new Dictionary<string, string[]> { ["q1"] = ["a"] } })),
        ["GET /api/v1/certificates/"] = (false, (w, c, v) => Get($"/api/v1/certificates?partner={w.Foreign(c)}")),
        ["GET /api/v1/certificates/renewals"] = (false, (w, c, v) => Get("/api/v1/certificates/renewals")),
        ["GET /api/v1/certificates/{id:guid}"] = (true, async (w, c, v) => await Get($"/api/v1/certificates/{await CertificateInAsync(w, c, v)}")),
        ["POST /api/v1/certificates/{id:guid}/confirm"] = (true, async (w, c, v) => await Post($"/api/v1/certificates/{await CertificateInAsync(w, c, v)}/confirm")),
        ["POST /api/v1/partners/{id:guid}/certifications/award"] = (true, (w, c, v) => Post($"/api/v1/partners/{PartnerIn(w, c, v)}/certifications/award")),
        // Collateral: a partner user lists and downloads only what its tier and category allow; an item kept from it answers like a missing one.
        ["GET /api/v1/collateral/"] = (false, (w, c, v) => Get("/api/v1/collateral")),
        ["POST /api/v1/collateral/"] = (false, (w, c, v) => MarketingUpload("/api/v1/collateral", new() { ["title"] = "Matrix kit", ["kind"] = "Sales Collateral" })),
        ["POST /api/v1/collateral/{id:guid}/versions"] = (true, async (w, c, v) => await MarketingUpload($"/api/v1/collateral/{await CollateralInAsync(v)}/versions", [])),
        ["GET /api/v1/collateral/{id:guid}/download"] = (true, async (w, c, v) => await Get($"/api/v1/collateral/{await CollateralInAsync(v)}/download")),
        // Co-marketing: a partner user requests, reads and claims only its own partner's activities; decisions are the managers'.
        ["GET /api/v1/partners/{id:guid}/mdf"] = (true, (w, c, v) => Get($"/api/v1/partners/{PartnerIn(w, c, v)}/mdf")),
        ["POST /api/v1/partners/{id:guid}/mdf/activities"] = (true, (w, c, v) => Json(HttpMethod.Post, $"/api/v1/partners/{PartnerIn(w, c, v)}/mdf/activities",
            new { kind = "Joint Webinars", title = "Matrix webinar", proposal = "matrix", plannedOn = "2026-06-28", amount = "10.00" })),
        ["GET /api/v1/mdf/activities/"] = (false, (w, c, v) => Get("/api/v1/mdf/activities")),
        ["GET /api/v1/mdf/activities/{id:guid}"] = (true, async (w, c, v) => await Get($"/api/v1/mdf/activities/{await MdfActivityInAsync(w, c, v, MdfStatus.Requested)}")),
        ["POST /api/v1/mdf/activities/{id:guid}/decision"] = (true, async (w, c, v) =>
            await Json(HttpMethod.Post, $"/api/v1/mdf/activities/{await MdfActivityInAsync(w, c, v, MdfStatus.Requested)}/decision", new { approve = true })),
        ["POST /api/v1/mdf/activities/{id:guid}/claim"] = (true, async (w, c, v) => await MarketingUpload($"/api/v1/mdf/activities/{await MdfActivityInAsync(w, c, v, MdfStatus.Approved)}/claim",
            new() { ["amount"] = "50.00", ["executedOn"] = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) })),
        ["POST /api/v1/mdf/activities/{id:guid}/claim/decision"] = (true, async (w, c, v) =>
            await Json(HttpMethod.Post, $"/api/v1/mdf/activities/{await MdfActivityInAsync(w, c, v, MdfStatus.Claimed)}/claim/decision", new { approve = true })),
        ["GET /api/v1/mdf/activities/{id:guid}/proof"] = (true, async (w, c, v) => await Get($"/api/v1/mdf/activities/{await MdfActivityInAsync(w, c, v, MdfStatus.Claimed)}/proof")),
        // Support: a partner user opens, reads, replies to and rates only its own partner's tickets; notes, escalation and closing are the vendor's.
        ["GET /api/v1/support/tickets/"] = (false, (w, c, v) => Get("/api/v1/support/tickets?status=all")),
        ["POST /api/v1/support/tickets/"] = (false, (w, c, v) => Json(HttpMethod.Post, "/api/v1/support/tickets",
            new { partnerId = c.Partner is null ? w.A.Value : (Guid?)null, subject = "Matrix ticket", description = "Matrix", level = 1, channel = "email" })),
        ["GET /api/v1/support/tickets/{id:guid}"] = (true, (w, c, v) => Get($"/api/v1/support/tickets/{TicketIn(w, c, v, closed: false)}")),
        ["POST /api/v1/support/tickets/{id:guid}/replies"] = (true, (w, c, v) => Json(HttpMethod.Post, $"/api/v1/support/tickets/{TicketIn(w, c, v, closed: false)}/replies", new { text = "matrix reply" })),
        ["POST /api/v1/support/tickets/{id:guid}/notes"] = (true, (w, c, v) => Json(HttpMethod.Post, $"/api/v1/support/tickets/{TicketIn(w, c, v, closed: false)}/notes", new { text = "matrix note" })),
        ["POST /api/v1/support/tickets/{id:guid}/escalate"] = (true, (w, c, v) => Json(HttpMethod.Post, $"/api/v1/support/tickets/{TicketIn(w, c, v, closed: false)}/escalate", new { text = "matrix" })),
        ["POST /api/v1/support/tickets/{id:guid}/close"] = (true, (w, c, v) => Json(HttpMethod.Post, $"/api/v1/support/tickets/{TicketIn(w, c, v, closed: false)}/close", new { text = "matrix" })),
        ["POST /api/v1/support/tickets/{id:guid}/rating"] = (true, (w, c, v) => Json(HttpMethod.Post, $"/api/v1/support/tickets/{TicketIn(w, c, v, closed: true)}/rating", new { rating = 4 })),
        ["GET /api/v1/partners/{id:guid}/support"] = (true, (w, c, v) => Get($"/api/v1/partners/{PartnerIn(w, c, v)}/support")),
    };

    /// <summary>An open and a closed support ticket of each partner, opened in the world; their changes count as the partner's data.</summary>
    private readonly Dictionary<(PartnerId Partner, bool Closed), Guid> _tickets = [];

    private Guid TicketIn(World w, Caller c, Variant v, bool closed) => v switch
    {
        Variant.Foreign => _tickets[(w.Foreign(c), closed)],
        Variant.Missing => Guid.NewGuid(),
        _ => _tickets[(w.Own(c), closed)],
    };

    private Guid? _session;

    /// <summary>A live session to act on (scheduled once, as the system), or an id that does not exist.</summary>
    private async Task<Guid> SessionInAsync(Variant variant)
    {
        if (variant == Variant.Missing) return Guid.NewGuid();
        if (_session is { } id) return id;
        await using var scope = app.Scope();
        var created = await scope.ServiceProvider.GetRequiredService<PartnerHub.App.Training.ScheduleSession>()
            .HandleAsync(new("advanced-sales", "live", "Matrix session", app.Clock.GetUtcNow().AddDays(30), 5), CancellationToken.None);
        return (_session = created.Ok().Id).Value;
    }

    private readonly Dictionary<PartnerId, Guid> _certificates = [];

    /// <summary>A pending certificate of the partner (written once, as the system), or an id that does not exist.</summary>
    private async Task<Guid> CertificateInAsync(World w, Caller c, Variant variant)
    {
        if (variant == Variant.Missing) return Guid.NewGuid();
        var partner = variant == Variant.Foreign ? w.Foreign(c) : w.Own(c);
        if (_certificates.TryGetValue(partner, out var id)) return id;
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PartnerHubDb>();
        var certificate = new PartnerHub.App.Training.Certificate
        {
            Id = Guid.NewGuid(), PartnerId = partner, Level = "certified", Status = PartnerHub.App.Training.CertificateStatus.Pending,
            EligibleOn = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime), ProgramVersion = "v1", Explanation = "matrix", CreatedAt = app.Clock.GetUtcNow(),
        };
        db.Add(certificate);
        await db.SaveChangesAsync();
        return _certificates[partner] = certificate.Id;
    }

    private static Task<HttpRequestMessage> MarketingUpload(string url, Dictionary<string, string> fields)
    {
        var form = new MultipartFormDataContent();
        foreach (var (key, value) in fields) form.Add(new StringContent(value), key);
        var file = new ByteArrayContent(Encoding.ASCII.GetBytes("%PDF-1.4 matrix"));
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", "matrix.pdf");
        return Task.FromResult(new HttpRequestMessage(HttpMethod.Post, url) { Content = form });
    }

    /// <summary>Collateral items and versions the cases created to act on, so that their creation is no change a request made.</summary>
    private int _collateralFixtures;

    /// <summary>
    /// A collateral item written as the system: for Own, open to every partner; for Foreign, kept to the technology
    /// category and the strategic tier, which neither world partner (resellers, no tier) may see; or an id that does not exist.
    /// </summary>
    private async Task<Guid> CollateralInAsync(Variant variant)
    {
        if (variant == Variant.Missing) return Guid.NewGuid();
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PartnerHubDb>();
        var now = app.Clock.GetUtcNow();
        var item = variant == Variant.Foreign
            ? CollateralItem.Create("Matrix strategic kit", "Sales Collateral", "technology", "strategic", [], null, "matrix", now)
            : CollateralItem.Create("Matrix open kit", "Sales Collateral", null, null, [], null, "matrix", now);
        db.Add(item);
        db.Add(CollateralVersion.Store(item.Id, item.NextVersion(now), "kit.pdf", "application/pdf", Encoding.ASCII.GetBytes("%PDF-1.4 kit"), null, "matrix", now));
        await db.SaveChangesAsync();
        _collateralFixtures++;
        return item.Id;
    }

    /// <summary>Co-marketing activities the cases created, with the version they were created at: a request that changes one shows.</summary>
    private readonly Dictionary<Guid, int> _mdfFixtures = [];

    /// <summary>An activity of the caller's own or the other partner in the status the endpoint acts on, written as the system; or a missing id.</summary>
    private async Task<Guid> MdfActivityInAsync(World w, Caller c, Variant variant, MdfStatus status)
    {
        if (variant == Variant.Missing) return Guid.NewGuid();
        var partner = variant == Variant.Foreign ? w.Foreign(c) : w.Own(c);
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PartnerHubDb>();
        var now = app.Clock.GetUtcNow();
        var period = MdfPeriod.Of(PartnerHub.Core.Programs.MdfPeriodKind.Quarter, DateOnly.FromDateTime(now.UtcDateTime));
        var budget = await db.Set<MdfBudgetRecord>().FirstOrDefaultAsync(b => b.PartnerId == partner && b.Period == period.Label);
        if (budget is null)
        {
            budget = MdfBudgetRecord.Fix(partner, period, "standard", new MdfBudget(new Money(100_000_000, Currency.Usd), "matrix budget"), "v1");
            db.Add(budget);
        }

        var activity = MdfActivity.Request(partner, budget, "Joint Webinars", "Matrix webinar", "matrix", period.LastDay, new Money(10_000, Currency.Usd), "matrix", now);
        db.Add(activity);
        if (status is MdfStatus.Approved or MdfStatus.Claimed) Assert.True(activity.Approve(new Money(10_000, Currency.Usd), null, "matrix", now).IsSuccess);
        if (status == MdfStatus.Claimed)
        {
            var proof = MdfProof.Store(partner, activity.Id, "proof.pdf", "application/pdf", Encoding.ASCII.GetBytes("%PDF-1.4 proof"), "matrix", now);
            db.Add(proof);
            Assert.True(activity.Claim(new Money(5_000, Currency.Usd), DateOnly.FromDateTime(now.UtcDateTime), null, proof.Id, "matrix", now).IsSuccess);
        }

        await db.SaveChangesAsync();
        _mdfFixtures[activity.Id] = activity.Version;
        return activity.Id;
    }

    /// <summary>A partner's co-marketing activities other than unchanged fixtures, and its collateral downloads.</summary>
    private async Task<string> MarketingFingerprintAsync(PartnerHubDb db, PartnerId partner)
    {
        var activities = await db.Set<MdfActivity>().AsNoTracking().Where(a => a.PartnerId == partner).Select(a => new { a.Id, a.Version, a.Status }).ToListAsync();
        var changed = activities.Where(a => !(_mdfFixtures.TryGetValue(a.Id, out var v) && v == a.Version)).OrderBy(a => a.Id).Select(a => $"{a.Id}:{a.Version}:{a.Status}");
        return $"|{string.Join(",", changed)}|{await db.Set<CollateralDownload>().CountAsync(d => d.PartnerId == partner)}";
    }

    // TEST-NET-3 (RFC 5737): public, needs no DNS; the matrix never runs the webhook worker, so nothing is sent.
    private static string NewWebhookUrl() => $"https://203.0.113.10/{Build.Unique("matrix")}";

    private static object NewWebhook() => new { url = NewWebhookUrl(), eventTypes = new[] { "deal.registered" } };

    /// <summary>A new subscription (created as the system), or an id that does not exist.</summary>
    private async Task<Guid> WebhookInAsync(Variant variant, string source = "api")
    {
        if (variant == Variant.Missing) return Guid.NewGuid();
        await using var scope = app.Scope();
        var created = await scope.ServiceProvider.GetRequiredService<PartnerHub.App.Webhooks.ManageWebhooks>().CreateAsync(new(NewWebhookUrl(), ["deal.registered"]), CancellationToken.None, source);
        _webhookFixtures.Add(created.Ok().Subscription.Id);
        return created.Value.Subscription.Id;
    }

    /// <summary>Subscriptions the cases created to act on: their creation is no change a request made, their loss is.</summary>
    private readonly List<Guid> _webhookFixtures = [];

    /// <summary>A failed delivery of a new subscription, written directly, or an id that does not exist.</summary>
    private async Task<Guid> DeliveryInAsync(Variant variant)
    {
        if (variant == Variant.Missing) return Guid.NewGuid();
        var subscription = await WebhookInAsync(variant);
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PartnerHubDb>();
        var now = app.Clock.GetUtcNow();
        var e = new PartnerHub.App.Webhooks.WebhookEvent { Id = Guid.NewGuid(), Type = "deal.registered", OccurredAt = now, Payload = "{}" }; // fanned out already: not waiting
        var d = new PartnerHub.App.Webhooks.WebhookDelivery
        {
            Id = Guid.NewGuid(), SubscriptionId = subscription, EventId = e.Id, EventType = e.Type, Status = PartnerHub.App.Webhooks.WebhookDeliveryStatus.Failed, NextAttemptAt = now, CreatedAt = now,
        };
        db.AddRange(e, d);
        await db.SaveChangesAsync();
        return d.Id;
    }

    private static object NewGoal() => new { year = 2026, title = "Matrix goal", kpi = "partner-revenue", target = "1000.00", targetDate = "2026-12-31", owner = "matrix@vendor.example" };

    /// <summary>A goal of the partner to act on (created as the system), or a goal id that does not exist.</summary>
    private async Task<Guid> GoalInAsync(Guid partner, Variant variant)
    {
        if (variant == Variant.Missing) return Guid.NewGuid();
        await using var scope = app.Scope();
        var goal = await scope.ServiceProvider.GetRequiredService<PartnerHub.App.Relationships.SaveGoal>().CreateAsync(new PartnerId(partner),
            new PartnerHub.Core.Relationships.GoalDetails { Year = 2026, Title = "Matrix goal", TargetDate = "2026-12-31", Owner = "matrix@vendor.example" }, CancellationToken.None);
        return goal.Ok().Id;
    }

    private static object NewEvent(PartnerId partner) => new { id = Build.Unique("matrix-"), kind = "payment", occurredOn = "2026-05-02", amount = "10.00", partner = partner.Value.ToString() };

    private static long EventIn(World w, Caller c, Variant v) => v switch
    {
        Variant.Foreign => w.ForeignEvent(c),
        Variant.Missing => long.MaxValue,
        _ => w.OwnEvent(c),
    };

    [Fact]
    public async Task No_caller_reads_or_changes_what_it_must_not()
    {
        var world = await WorldAsync();
        var callers = await CallersAsync(world);
        var cases = Cases();
        var endpoints = ApiEndpoints();

        Assert.Empty(endpoints.Select(e => e.Key).Except(cases.Keys)); // a new endpoint must be added to the matrix
        Assert.Empty(cases.Keys.Except(endpoints.Select(e => e.Key))); // and the matrix holds no stale rows

        var failures = new List<string>();
        foreach (var (key, permission) in endpoints)
        {
            var (hasId, build) = cases[key];
            foreach (var caller in callers)
            {
                var allowed = permission is null || permission.Roles.Any(caller.Roles.Contains) || (permission.Scope is { } s && caller.Scopes.Contains(s));
                var statuses = new Dictionary<Variant, HttpStatusCode>();
                foreach (var variant in hasId ? [Variant.Own, Variant.Foreign, Variant.Missing] : new[] { Variant.Collection })
                {
                    var before = await FingerprintAsync(world);
                    using var request = await build(world, caller, variant);
                    var asked = request.RequestUri!.OriginalString; // echoing the id the caller asked for is no leak
                    using var response = await caller.Client.SendAsync(request);
                    var body = await response.Content.ReadAsStringAsync();
                    var after = await FingerprintAsync(world);
                    statuses[variant] = response.StatusCode;
                    var where = $"{key} as {caller.Name} ({variant}): {(int)response.StatusCode}";

                    if (!caller.Authenticated && response.StatusCode != HttpStatusCode.Unauthorized) failures.Add($"{where}, expected 401");
                    else if (caller.Authenticated && !allowed && response.StatusCode != HttpStatusCode.Forbidden) failures.Add($"{where}, expected 403");
                    else if (caller.Authenticated && allowed && response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden) failures.Add($"{where}, expected access");

                    if (!allowed && before.All != after.All) failures.Add($"{where} changed data without permission");
                    if (caller.Partner is not null)
                    {
                        if (before.Of(world.Foreign(caller)) != after.Of(world.Foreign(caller))) failures.Add($"{where} changed another partner's data");
                        if (world.ForeignMarkers(caller).FirstOrDefault(m => body.Contains(m, StringComparison.OrdinalIgnoreCase) && !asked.Contains(m, StringComparison.OrdinalIgnoreCase)) is { } leak)
                            failures.Add($"{where} leaked '{leak}' of another partner");
                    }
                }

                if (caller.Partner is not null && allowed && hasId && statuses[Variant.Foreign] != statuses[Variant.Missing])
                    failures.Add($"{key} as {caller.Name}: a foreign id answered {(int)statuses[Variant.Foreign]}, a nonexistent one {(int)statuses[Variant.Missing]}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>Every API endpoint, with the permission its policy names (null: any signed-in caller).</summary>
    private List<(string Key, Permissions.Permission? Permission)> ApiEndpoints() =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(method => (
                Key: $"{method} {e.RoutePattern.RawText}",
                Permission: e.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).OfType<string>()
                    .Select(policy => Permissions.All.Single(p => p.Name == policy)).LastOrDefault())))
            .ToList();

    private async Task<World> WorldAsync()
    {
        await using var scope = app.Scope();
        var save = scope.ServiceProvider.GetRequiredService<SavePartner>();
        var a = (await save.CreateAsync(Build.Partner("Alpha Matrix " + Build.Unique()), CancellationToken.None)).Value;
        var b = (await save.CreateAsync(Build.Partner("Bravo Matrix " + Build.Unique()), CancellationToken.None)).Value;
        var userOfA = await app.UserAsync(Roles.PartnerUser, new PartnerId(a.Id));
        var userOfB = await app.UserAsync(Roles.PartnerUser, new PartnerId(b.Id));
        var key = (await scope.ServiceProvider.GetRequiredService<ManageApiKeys>().CreateAsync(new NewApiKey("victim", ["partners:read"]), CancellationToken.None)).Value;
        var (pa, pb) = (new PartnerId(a.Id), new PartnerId(b.Id));

        // A submitted deal of each partner, with customers only that partner may know of.
        var register = scope.ServiceProvider.GetRequiredService<RegisterDeal>();
        var dealOfA = (await register.HandleAsync(pa, DealData.Details(Build.Unique("Alpha Buyer "), Build.Unique("alphabuyer") + ".com"), CancellationToken.None)).Ok().Deal;
        var dealOfB = (await register.HandleAsync(pb, DealData.Details(Build.Unique("Bravo Buyer "), Build.Unique("bravobuyer") + ".com"), CancellationToken.None)).Ok().Deal;

        // Commission for both: April's is past the holding period and payable (a payout batch pays it), May's is on May's statement.
        var post = scope.ServiceProvider.GetRequiredService<PostTransaction>();
        foreach (var (partner, on) in new[] { (pa, new DateOnly(2026, 4, 1)), (pb, new DateOnly(2026, 4, 1)), (pa, new DateOnly(2026, 5, 10)), (pb, new DateOnly(2026, 5, 10)) })
        {
            var basis = AccrualBasis.Rate("revenue-share", new Money(1_000_00, Currency.Usd), 10m, "preferred", "v1", "Revenue share 10% of 1,000.00.");
            (await post.HandleAsync(Commissions.Accrue($"matrix:{partner}:{on}", partner, basis, on, app.Clock.GetUtcNow()).Value, CancellationToken.None)).Ok();
        }

        (await scope.ServiceProvider.GetRequiredService<ReleaseHeldCommissions>().HandleAsync(CancellationToken.None)).Ok();
        var closed = (await scope.ServiceProvider.GetRequiredService<CloseStatements>().HandleAsync("2026-05", CancellationToken.None)).Ok();
        var statementOfA = closed.Issued.Single(i => i.PartnerId == a.Id).StatementId;
        var statementOfB = closed.Issued.Single(i => i.PartnerId == b.Id).StatementId;
        var batch = (await scope.ServiceProvider.GetRequiredService<CreatePayoutBatch>().HandleAsync("USD", "1.00", CancellationToken.None)).Ok();

        // A revenue event of each partner, with a customer only that partner may know of.
        var ingest = scope.ServiceProvider.GetRequiredService<PartnerHub.App.Revenue.IngestRevenueEvent>();
        async Task<long> EventAsync(PartnerId partner, string customer) =>
            System.Text.Json.JsonSerializer.Deserialize<PartnerHub.App.Revenue.RevenueEventReceipt>((await ingest.HandleAsync(new PartnerHub.App.Revenue.RevenueEventInput
            {
                Id = Build.Unique("world-"), Kind = "payment", OccurredOn = "2026-05-03", Amount = "100.00", Partner = partner.Value.ToString(), Customer = customer,
            }, null, CancellationToken.None)).Ok().Json, PartnerHub.App.Revenue.IngestRevenueEvent.Json)!.Event.Id;
        var customerOfA = Build.Unique("alpha-customer-");
        var customerOfB = Build.Unique("bravo-customer-");
        var eventOfA = await EventAsync(pa, customerOfA);
        var eventOfB = await EventAsync(pb, customerOfB);

        // An onboarding journey of each partner, so that own, foreign and missing journeys are all asked for.
        var program = (await scope.ServiceProvider.GetRequiredService<PartnerHub.App.Programs.ProgramStore>().CurrentAsync(CancellationToken.None)).Program;
        var journeyDb = scope.ServiceProvider.GetRequiredService<PartnerHubDb>();
        foreach (var (partner, category) in new[] { (pa, a.Category), (pb, b.Category) })
            journeyDb.Add(PartnerHub.App.Onboarding.OnboardingJourney.Start(partner, program.Journeys.For(category)!, "v1", "matrix", app.Clock.GetUtcNow()));
        await journeyDb.SaveChangesAsync();

        // An open and a closed support ticket of each partner, opened by the vendor (the system) for them.
        var open = scope.ServiceProvider.GetRequiredService<PartnerHub.App.Support.OpenSupportTicket>();
        var close = scope.ServiceProvider.GetRequiredService<PartnerHub.App.Support.CloseSupportTicket>();
        foreach (var partner in new[] { pa, pb })
            foreach (var done in new[] { false, true })
            {
                var ticket = (await open.HandleAsync(new PartnerHub.App.Support.TicketInput { PartnerId = partner.Value, Subject = "Matrix", Description = "Matrix", Level = 1, Channel = "email" },
                    CancellationToken.None)).Ok().Ticket.Id;
                if (done) (await close.HandleAsync(new PartnerHub.Core.Support.SupportTicketId(ticket), "done", null, CancellationToken.None)).Ok();
                _tickets[(partner, done)] = ticket;
            }

        return new World(pa, pb, userOfA.Id, userOfB.Id, key.Key.Id,
            [a.Name, a.Domain, userOfA.Email!, dealOfA.Id.ToString(), dealOfA.CustomerName, dealOfA.CustomerDomain, statementOfA.ToString(), customerOfA],
            [b.Name, b.Domain, userOfB.Email!, dealOfB.Id.ToString(), dealOfB.CustomerName, dealOfB.CustomerDomain, statementOfB.ToString(), customerOfB],
            a.Domain, b.Domain, dealOfA.Id, dealOfB.Id, statementOfA, statementOfB, batch.Id, eventOfA, eventOfB);
    }

    private async Task<List<Caller>> CallersAsync(World world)
    {
        var all = Permissions.Scopes.ToArray();
        var (keyClient, _) = await app.ApiKeyClientAsync(all);
        var (revokedClient, revokedId) = await app.ApiKeyClientAsync(all);
        await using (var scope = app.Scope()) await scope.ServiceProvider.GetRequiredService<ManageApiKeys>().RevokeAsync(revokedId, CancellationToken.None);

        async Task<Caller> Person(string role, PartnerId? partner = null) =>
            new($"{role}{(partner is null ? "" : partner == world.A ? " of A" : " of B")}", await app.ClientAsync(role, partner), partner, [role], [], true);

        return
        [
            new("anonymous", app.CreateClient(), null, [], [], false),
            await Person(Roles.ProgramAdmin),
            await Person(Roles.PartnerManager),
            await Person(Roles.Finance),
            await Person(Roles.PartnerAdmin, world.A),
            await Person(Roles.PartnerUser, world.A),
            await Person(Roles.PartnerAdmin, world.B),
            new("API key", keyClient, null, [], all, true),
            new("revoked API key", revokedClient, null, [], all, false),
        ];
    }

    /// <summary>A text summary of each partner's data and of everything else a request could change.</summary>
    private sealed record Fingerprint(string All, Dictionary<PartnerId, string> ByPartner)
    {
        public string Of(PartnerId partner) => ByPartner[partner];
    }

    private async Task<Fingerprint> FingerprintAsync(World world)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PartnerHubDb>();
        var byPartner = new Dictionary<PartnerId, string>();
        foreach (var (partner, user) in new[] { (world.A, world.UserOfA), (world.B, world.UserOfB) })
        {
            var p = await db.Partners.AsNoTracking().SingleAsync(x => x.Id == partner);
            var u = await db.Users.AsNoTracking().SingleAsync(x => x.Id == user);
            var roles = string.Join(",", await db.UserRoles.Where(r => r.UserId == user).Join(db.Roles, r => r.RoleId, r => r.Id, (_, r) => r.Name).ToListAsync());
            var invitations = await db.Set<Invitation>().CountAsync(i => i.PartnerId == partner);
            var deals = string.Join(",", await db.DealRegistrations.AsNoTracking().Where(d => d.PartnerId == partner).OrderBy(d => d.Id).Select(d => $"{d.Id}:{d.Version}").ToListAsync());
            var ledger = await db.LedgerEntries.CountAsync(e => e.PartnerId == partner);
            var statements = await db.Statements.CountAsync(s => s.PartnerId == partner);
            var ratings = string.Join(",", await db.Set<PartnerHub.App.Facts.ManagerRatingRecord>().AsNoTracking().Where(r => r.PartnerId == partner)
                .OrderBy(r => r.Id).Select(r => $"{r.Criterion}:{r.Score}").ToListAsync());
            var events = await db.Set<PartnerHub.App.Facts.RevenueEventRecord>().CountAsync(e => e.PartnerId == partner);
            var codes = await db.Set<PartnerHub.App.Revenue.ReferralCodeRecord>().CountAsync(r => r.PartnerId == partner);
            byPartner[partner] = $"{p.Version}|{p.ArchivedAt}|{u.LockoutEnd}|{u.SecurityStamp}|{roles}|{invitations}|{deals}|{ledger}|{statements}|{ratings}|{events}|{codes}";
            byPartner[partner] += $"|{await db.Set<PartnerHub.App.Prospects.OpportunityAssessment>().CountAsync(a => a.PartnerId == partner)}"
                + $"|{await db.Set<PartnerHub.App.Prospects.OutreachAttempt>().CountAsync(a => a.PartnerId == partner)}"
                + $"|{await db.Set<PartnerHub.App.Prospects.ProspectProfile>().Where(x => x.PartnerId == partner).Select(x => x.Version).FirstOrDefaultAsync()}"
                + $"|{string.Join(",", await db.Set<PartnerHub.App.Onboarding.OnboardingJourney>().Where(j => j.PartnerId == partner).OrderBy(j => j.Id).Select(j => j.Version).ToListAsync())}"
                + $"|{await db.Set<PartnerHub.App.Onboarding.OnboardingStepRecord>().CountAsync(x => x.PartnerId == partner && x.DoneAt != null)}"
                + $"|{await db.Set<PartnerHub.App.Onboarding.OnboardingDocument>().CountAsync(d => d.PartnerId == partner)}"
                + $"|{await db.Set<PartnerHub.App.Training.TrainingEnrolment>().CountAsync(e => e.PartnerId == partner)}"
                + $"|{await db.Set<PartnerHub.App.Training.ModuleCompletion>().CountAsync(m => m.PartnerId == partner)}"
                + $"|{await db.Set<PartnerHub.App.Training.ExamSitting>().CountAsync(x => x.PartnerId == partner)}"
                + $"|{await db.Set<PartnerHub.App.Training.Certificate>().CountAsync(x => x.PartnerId == partner && x.Status == PartnerHub.App.Training.CertificateStatus.Awarded)}"
                + await MarketingFingerprintAsync(db, partner)
                + $"|{string.Join(",", await db.Set<PartnerHub.App.Support.SupportTicket>().AsNoTracking().Where(t => t.PartnerId == partner).OrderBy(t => t.Id).Select(t => t.Version).ToListAsync())}"
                + $"|{await db.Set<PartnerHub.App.Support.SupportTicketMessage>().CountAsync(m => m.PartnerId == partner)}"
                + $"|{await db.Set<PartnerHub.App.Support.SupportTicketNote>().CountAsync(n => db.Set<PartnerHub.App.Support.SupportTicket>().Any(t => t.Id == n.TicketId && t.PartnerId == partner))}";
        }

        var key = await db.Set<ApiKey>().AsNoTracking().SingleAsync(k => k.Id == world.Key);
        var all = string.Join("#", byPartner.Values) + $"|{key.RevokedAt}|{await db.Partners.CountAsync()}|{await db.Users.CountAsync()}"
            + $"|{await db.Set<ApiKey>().CountAsync()}|{await db.Set<Invitation>().CountAsync()}|{await db.Set<PartnerHub.App.Programs.ProgramVersion>().CountAsync()}"
            + $"|{await db.DealRegistrations.CountAsync()}|{await db.Customers.CountAsync()}|{await db.LedgerTransactions.CountAsync()}|{await db.Statements.CountAsync()}"
            + $"|{string.Join(",", await db.PayoutBatches.AsNoTracking().OrderBy(b => b.CreatedAt).Select(b => $"{b.Id}:{b.Version}").ToListAsync())}"
            + $"|{await db.Set<PartnerHub.App.Facts.RevenueEventRecord>().CountAsync()}|{await db.Set<PartnerHub.App.Revenue.ReferralCodeRecord>().CountAsync()}"
            + await WebhookFingerprintAsync(db)
            + $"|{await db.Set<CollateralItem>().CountAsync() + await db.Set<CollateralVersion>().CountAsync() - 2 * _collateralFixtures}";
        return new Fingerprint(all, byPartner);
    }

    /// <summary>Subscriptions requests created, changed (version) or removed, and deliveries redelivered; not the fixtures the cases create.</summary>
    private async Task<string> WebhookFingerprintAsync(PartnerHubDb db)
    {
        var subscriptions = await db.Set<PartnerHub.App.Webhooks.WebhookSubscription>().AsNoTracking().Select(x => new { x.Id, x.Version }).ToListAsync();
        var ids = subscriptions.Select(x => x.Id).ToHashSet();
        var deliveries = await db.Set<PartnerHub.App.Webhooks.WebhookDelivery>().CountAsync(d => d.Status != PartnerHub.App.Webhooks.WebhookDeliveryStatus.Failed);
        return $"|{_webhookFixtures.Count(f => !ids.Contains(f))}|{subscriptions.Count(x => !_webhookFixtures.Contains(x.Id))}"
            + $"|{string.Join(",", subscriptions.Where(x => x.Version > 1).OrderBy(x => x.Id).Select(x => $"{x.Id}:{x.Version}"))}|{deliveries}";
    }

    private static Guid PartnerIn(World w, Caller c, Variant v) => v switch
    {
        Variant.Foreign => w.Foreign(c).Value,
        Variant.Missing => Guid.NewGuid(),
        _ => w.Own(c).Value,
    };

    private static Guid DealIn(World w, Caller c, Variant v) => v switch
    {
        Variant.Foreign => w.ForeignDeal(c),
        Variant.Missing => Guid.NewGuid(),
        _ => w.OwnDeal(c),
    };

    private static Guid BatchIn(World w, Variant v) => v == Variant.Missing ? Guid.NewGuid() : w.Batch;

    private static object NewDeal(Guid partnerId) => new
    {
        partnerId, customerName = Build.Unique("Matrix Buyer "), customerDomain = Build.Unique("matrixbuyer") + ".com",
        contact = new { name = "Ada Buyer", email = "ada@example.com" }, product = "Enterprise plan", estimatedValue = "1000.00", currency = "USD",
        expectedCloseOn = "2026-09-30",
    };

    /// <summary>One new registration; vendor callers name the partner by domain, partner users leave the column out.</summary>
    private static string DealCsv(string? partnerDomain) =>
        (partnerDomain is null ? "" : "partner_domain,") + "customer_name,customer_domain,contact_name,contact_email,product,estimated_value,currency,expected_close_on\n"
        + (partnerDomain is null ? "" : partnerDomain + ",") + $"{Build.Unique("Imported Buyer ")},{Build.Unique("importedbuyer")}.com,Ada Buyer,ada@example.com,Plan,1000.00,USD,2026-09-30\n";

    private static Guid UserIn(World w, Caller c, Variant v) => v switch
    {
        Variant.Foreign => w.ForeignUser(c),
        Variant.Missing => Guid.NewGuid(),
        _ => w.OwnUser(c),
    };

    private async Task<int> VersionAsync(Guid partner)
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<PartnerHubDb>().Partners.Where(p => p.Id == new PartnerId(partner)).Select(p => (int?)p.Version).SingleOrDefaultAsync() ?? 1;
    }

    private static Task<HttpRequestMessage> Get(string url) => Task.FromResult(new HttpRequestMessage(HttpMethod.Get, url));

    private static Task<HttpRequestMessage> Post(string url) => Task.FromResult(new HttpRequestMessage(HttpMethod.Post, url));

    private static Task<HttpRequestMessage> Json<T>(HttpMethod method, string url, T body) =>
        Task.FromResult(new HttpRequestMessage(method, url) { Content = JsonContent.Create(body, options: HttpAssertions.Json) });

    private static Task<HttpRequestMessage> Yaml(string url) =>
        Task.FromResult(new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(ProgramStoreYaml.Value, Encoding.UTF8, "application/yaml") });

    private static Task<HttpRequestMessage> Upload(string url, string csv)
    {
        var form = new MultipartFormDataContent { { new StringContent(csv, Encoding.UTF8, "text/csv"), "file", "partners.csv" } };
        return Task.FromResult(new HttpRequestMessage(HttpMethod.Post, url) { Content = form });
    }

    private static async Task<HttpRequestMessage> WithIfMatch(Task<HttpRequestMessage> request, int version)
    {
        var message = await request;
        message.Headers.TryAddWithoutValidation("If-Match", $"\"{version}\"");
        return message;
    }

    private static readonly Lazy<string> ProgramStoreYaml = new(() => PartnerHub.App.Programs.ProgramStore.DefaultYaml().Replace("name: AI Marketing Mastery Pro Partner Program", "name: Matrix Program", StringComparison.Ordinal));
}

public sealed class AuthorizationMatrixOnSqlite(SqliteApp app) : AuthorizationMatrixTests<SqliteApp>(app);

public sealed class AuthorizationMatrixOnPostgres(PostgresApp app) : AuthorizationMatrixTests<PostgresApp>(app);
