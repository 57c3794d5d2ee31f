using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PartnerHub.App.Csv;
using PartnerHub.App.Persistence;
using PartnerHub.Core.Common;
using PartnerHub.Core.Facts;
using PartnerHub.Core.Partners;

namespace PartnerHub.App.Facts;

/// <summary>A column of a fact kind's CSV file (and JSON rows): its name, whether it is required, and what it holds.</summary>
public sealed record FactColumn(string Name, bool Required, string Description);

/// <summary>What merging an incoming row into the stored row with the same key did.</summary>
internal enum Merge
{
    Unchanged,
    Updated,
    Refused,
}

/// <summary>
/// One kind of fact as it is imported and listed: its columns, its natural key (what makes a re-import change nothing),
/// how a row is read and checked, and how it merges into a stored row with the same key.
/// </summary>
public abstract class FactKind
{
    private protected FactKind()
    {
    }

    public abstract string Key { get; }
    public abstract string Description { get; }
    public abstract IReadOnlyList<FactColumn> Columns { get; }

    /// <summary>The columns that identify a row: importing a row with the same key again updates or keeps it, never duplicates it.</summary>
    public abstract IReadOnlyList<string> NaturalKey { get; }

    internal abstract object? ReadRow(FactRow row);

    internal abstract string KeyOfRow(object fact);

    internal abstract Task<(int Created, int Updated, int Unchanged)> ApplyAsync(PartnerHubDb db, IReadOnlyList<(int Line, object Fact)> rows,
        List<ImportError> errors, IProgress<ImportProgress>? progress, CancellationToken ct);

    internal abstract Task<(int Total, List<string?[]> Rows)> ListAsync(PartnerHubDb db, PartnerId? partner, DateOnly? from, DateOnly? to, int skip, int take,
        Currency currency, CancellationToken ct);
}

internal abstract class FactKind<T> : FactKind where T : class, IFactRecord
{
    private const int ChunkSize = 1000;

    internal sealed override object? ReadRow(FactRow row) => Read(row);

    internal sealed override string KeyOfRow(object fact) => KeyOf((T)fact);

    internal sealed override async Task<(int Created, int Updated, int Unchanged)> ApplyAsync(PartnerHubDb db, IReadOnlyList<(int Line, object Fact)> rows,
        List<ImportError> errors, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        int created = 0, updated = 0, unchanged = 0, done = 0;
        foreach (var chunk in rows.Chunk(ChunkSize))
        {
            var incoming = chunk.Select(r => (T)r.Fact).ToList();
            // Stored rows that share a key with this chunk, tracked so that merged values are saved.
            var stored = (await Candidates(db.Set<T>(), incoming).ToListAsync(ct)).ToDictionary(KeyOf, StringComparer.Ordinal);
            foreach (var (line, fact) in chunk)
            {
                var row = (T)fact;
                if (!stored.TryGetValue(KeyOf(row), out var existing))
                {
                    db.Add(row);
                    created++;
                    continue;
                }

                var (result, message) = Merge(existing, row);
                if (result == Facts.Merge.Updated) updated++;
                else if (result == Facts.Merge.Unchanged) unchanged++;
                else errors.Add(new ImportError(line, NaturalKey[0], message!));
            }

            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear(); // keep change detection proportional to one chunk, not the whole file
            done += chunk.Length;
            progress?.Report(new ImportProgress("saved", done, rows.Count));
        }

        return (created, updated, unchanged);
    }

    internal sealed override async Task<(int Total, List<string?[]> Rows)> ListAsync(PartnerHubDb db, PartnerId? partner, DateOnly? from, DateOnly? to,
        int skip, int take, Currency currency, CancellationToken ct)
    {
        var query = Filter(db.Set<T>().AsNoTracking(), partner, from, to);
        var total = await query.CountAsync(ct);
        var rows = await query.Skip(skip).Take(take).ToListAsync(ct);
        return (total, rows.Select(r => Cells(r, currency)).ToList());
    }

    public abstract T? Read(FactRow row);

    public abstract string KeyOf(T fact);

    /// <summary>The stored rows that may share a key with <paramref name="incoming"/>, found with indexed predicates.</summary>
    public abstract IQueryable<T> Candidates(IQueryable<T> stored, IReadOnlyList<T> incoming);

    /// <summary>Copies the incoming values onto the stored row; refused (with a message) where a fact must not change.</summary>
    public abstract (Merge Result, string? Message) Merge(T stored, T incoming);

    public abstract IQueryable<T> Filter(IQueryable<T> facts, PartnerId? partner, DateOnly? from, DateOnly? to);

    /// <summary>The row as its CSV cells, in <see cref="FactKind.Columns"/> order; a listed row can be imported again as it is.</summary>
    public abstract string?[] Cells(T fact, Currency programCurrency);

    protected static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    protected static string Date(DateOnly? date) => date is { } d ? Date(d) : "";

    protected static string Amount(long minor, string currency) =>
        Currency.Parse(currency) is { IsSuccess: true } c ? new Money(minor, c.Value).ToMajor().ToString(CultureInfo.InvariantCulture) : minor.ToString(CultureInfo.InvariantCulture);

    protected static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    protected static string Lower<TEnum>(TEnum value) where TEnum : struct, Enum => value.ToString().ToLowerInvariant();

    protected static (Merge, string?) Keep(bool changed) => (changed ? Facts.Merge.Updated : Facts.Merge.Unchanged, null);
}

/// <summary>Every fact kind, by the key used in URLs and on the command line.</summary>
public static class FactKinds
{
    // Declared before All: static fields initialize in text order, and the kinds use these.
    private static readonly FactColumn PartnerColumn = Col("partner", true, "The partner's id, external id or domain.");
    private static readonly FactColumn CurrencyColumn = Col("currency", false, "ISO 4217 code; the program's currency when empty.");

    public static readonly IReadOnlyList<FactKind> All =
    [
        new RevenueEventKind(), new DealKind(), new TrainingKind(), new ExamKind(), new CertificationKind(), new CommitmentKind(),
        new SurveyResponseKind(), new RatingKind(), new EngagementKind(), new CostKind(), new CompanyRevenueKind(),
    ];

    public static FactKind? Find(string? key) => All.FirstOrDefault(k => string.Equals(k.Key, key?.Trim(), StringComparison.OrdinalIgnoreCase));

    public static string Keys => string.Join(", ", All.Select(k => k.Key));

    private static FactColumn Col(string name, bool required, string description) => new(name, required, description);

    private sealed class RevenueEventKind : FactKind<RevenueEventRecord>
    {
        public override string Key => "revenue-events";
        public override string Description => "Money from the CRM or billing system: bookings (closed-won deals), invoices, payments, refunds and chargebacks. Partner revenue counts the program's basis (collected payments) net of refunds and chargebacks. An event without a partner is kept, unattributed.";
        public override IReadOnlyList<string> NaturalKey => ["external_id"];
        public override IReadOnlyList<FactColumn> Columns { get; } =
        [
            Col("external_id", true, "The event's id in the source system: the idempotency key."),
            PartnerColumn with { Required = false, Description = "The partner's id, external id or domain; empty for an unattributed event." },
            Col("kind", true, "booking, invoice, payment, refund or chargeback."),
            Col("occurred_on", true, "The business date (yyyy-MM-dd)."),
            Col("amount", true, "The amount in major units (1234.56), never negative; the kind gives the direction."),
            CurrencyColumn,
            Col("customer", false, "The customer's reference in the source system (for customer retention)."),
            Col("deal_registration_id", false, "The deal registration the revenue came from."),
            Col("source", false, "Where the event came from (crm, billing…); 'import' when empty."),
        ];

        public override RevenueEventRecord? Read(FactRow row)
        {
            var currency = row.CurrencyCode();
            var e = new RevenueEventRecord
            {
                ExternalId = row.Text("external_id", 200, required: true) ?? "",
                PartnerId = row.Partner(required: false),
                Kind = row.Enum<RevenueKind>("kind") ?? default,
                OccurredOn = row.Date("occurred_on") ?? default,
                AmountMinor = row.Amount("amount", currency) ?? 0,
                Currency = currency?.Code ?? "",
                CustomerRef = row.Text("customer", 200),
                DealRegistrationId = row.Guid("deal_registration_id"),
                Source = row.Text("source", 50) ?? row.Context.Source,
                ReceivedAt = row.Context.Now,
            };
            return row.Ok ? e : null;
        }

        public override string KeyOf(RevenueEventRecord fact) => fact.ExternalId;

        public override IQueryable<RevenueEventRecord> Candidates(IQueryable<RevenueEventRecord> stored, IReadOnlyList<RevenueEventRecord> incoming)
        {
            var ids = incoming.Select(e => e.ExternalId).ToList();
            return stored.Where(e => ids.Contains(e.ExternalId));
        }

        // Money that was recorded stays recorded: a correction is a new event (a refund), never an edit. Only the
        // attribution of an unattributed event may be added later.
        public override (Merge, string?) Merge(RevenueEventRecord stored, RevenueEventRecord incoming)
        {
            var same = stored.Kind == incoming.Kind && stored.OccurredOn == incoming.OccurredOn && stored.AmountMinor == incoming.AmountMinor
                && stored.Currency == incoming.Currency && stored.CustomerRef == incoming.CustomerRef && stored.DealRegistrationId == incoming.DealRegistrationId;
            if (!same)
                return (Facts.Merge.Refused, $"Event '{stored.ExternalId}' is already recorded with other values; recorded money is never edited: send a refund or a correcting event with a new id.");
            if (stored.PartnerId == incoming.PartnerId || incoming.PartnerId is null) return Keep(false);
            if (stored.PartnerId is not null)
                return (Facts.Merge.Refused, $"Event '{stored.ExternalId}' is already attributed to another partner.");
            stored.PartnerId = incoming.PartnerId;
            return Keep(true);
        }

        public override IQueryable<RevenueEventRecord> Filter(IQueryable<RevenueEventRecord> facts, PartnerId? partner, DateOnly? from, DateOnly? to) =>
            facts.Where(e => (partner == null || e.PartnerId == partner) && (from == null || e.OccurredOn >= from) && (to == null || e.OccurredOn <= to))
                .OrderBy(e => e.OccurredOn).ThenBy(e => e.Id);

        public override string?[] Cells(RevenueEventRecord e, Currency programCurrency) =>
            [e.ExternalId, e.PartnerId?.ToString(), Lower(e.Kind), Date(e.OccurredOn), Amount(e.AmountMinor, e.Currency), e.Currency, e.CustomerRef, e.DealRegistrationId?.ToString(), e.Source];
    }

    private sealed class DealKind : FactKind<DealFactRecord>
    {
        public override string Key => "deals";
        public override string Description => "Registered deals as the engine sees them: registered and closed dates, outcome and amount (average deal size, velocity, win rate).";
        public override IReadOnlyList<string> NaturalKey => ["external_id"];
        public override IReadOnlyList<FactColumn> Columns { get; } =
        [
            Col("external_id", true, "The deal's id in the source system."),
            PartnerColumn,
            Col("registered_on", true, "The day the deal was registered."),
            Col("closed_on", false, "The day it was won or lost; empty while open."),
            Col("outcome", false, "open, won or lost; open when empty."),
            Col("amount", true, "The deal's amount in major units."),
            CurrencyColumn,
            Col("deal_registration_id", false, "The deal registration this deal fact mirrors."),
        ];

        public override DealFactRecord? Read(FactRow row)
        {
            var currency = row.CurrencyCode();
            var d = new DealFactRecord
            {
                ExternalId = row.Text("external_id", 200, required: true) ?? "",
                PartnerId = row.Partner() ?? default,
                RegisteredOn = row.Date("registered_on") ?? default,
                ClosedOn = row.Date("closed_on", required: false),
                Outcome = row.Enum<DealOutcome>("outcome", fallback: DealOutcome.Open) ?? default,
                AmountMinor = row.Amount("amount", currency) ?? 0,
                Currency = currency?.Code ?? "",
                DealRegistrationId = row.Guid("deal_registration_id"),
            };
            if (!row.Ok) return null;
            if (d.Outcome == DealOutcome.Open && d.ClosedOn is not null) row.Problem("closed_on", "An open deal has no closed_on; set the outcome to won or lost.");
            else if (d.Outcome != DealOutcome.Open && d.ClosedOn is null) row.Problem("closed_on", $"A {Lower(d.Outcome)} deal needs the day it closed.");
            else if (d.ClosedOn < d.RegisteredOn) row.Problem("closed_on", "A deal cannot close before it was registered.");
            return row.Ok ? d : null;
        }

        public override string KeyOf(DealFactRecord fact) => fact.ExternalId;

        public override IQueryable<DealFactRecord> Candidates(IQueryable<DealFactRecord> stored, IReadOnlyList<DealFactRecord> incoming)
        {
            var ids = incoming.Select(e => e.ExternalId).ToList();
            return stored.Where(e => ids.Contains(e.ExternalId));
        }

        public override (Merge, string?) Merge(DealFactRecord s, DealFactRecord i)
        {
            if (s.PartnerId != i.PartnerId) return (Facts.Merge.Refused, $"Deal '{s.ExternalId}' belongs to another partner.");
            var changed = (s.RegisteredOn, s.ClosedOn, s.Outcome, s.AmountMinor, s.Currency, s.DealRegistrationId)
                != (i.RegisteredOn, i.ClosedOn, i.Outcome, i.AmountMinor, i.Currency, i.DealRegistrationId);
            (s.RegisteredOn, s.ClosedOn, s.Outcome, s.AmountMinor, s.Currency, s.DealRegistrationId) = (i.RegisteredOn, i.ClosedOn, i.Outcome, i.AmountMinor, i.Currency, i.DealRegistrationId);
            return Keep(changed);
        }

        public override IQueryable<DealFactRecord> Filter(IQueryable<DealFactRecord> facts, PartnerId? partner, DateOnly? from, DateOnly? to) =>
            facts.Where(e => (partner == null || e.PartnerId == partner) && (from == null || e.RegisteredOn >= from) && (to == null || e.RegisteredOn <= to))
                .OrderBy(e => e.RegisteredOn).ThenBy(e => e.Id);

        public override string?[] Cells(DealFactRecord d, Currency programCurrency) =>
            [d.ExternalId, d.PartnerId.ToString(), Date(d.RegisteredOn), Date(d.ClosedOn), Lower(d.Outcome), Amount(d.AmountMinor, d.Currency), d.Currency, d.DealRegistrationId?.ToString()];
    }

    private sealed class TrainingKind : FactKind<TrainingCompletionRecord>
    {
        public override string Key => "training";
        public override string Description => "Training tracks completed (certification requirements, onboarding).";
        public override IReadOnlyList<string> NaturalKey => ["partner", "track", "completed_on"];
        public override IReadOnlyList<FactColumn> Columns { get; } =
            [PartnerColumn, Col("track", true, "The program's training track key."), Col("completed_on", true, "The day it was completed.")];

        public override TrainingCompletionRecord? Read(FactRow row)
        {
            var t = new TrainingCompletionRecord
            {
                PartnerId = row.Partner() ?? default,
                Track = row.ProgramKey("track", row.Context.Program.Training.Tracks.Select(t => t.Key), "track") ?? "",
                CompletedOn = row.Date("completed_on") ?? default,
            };
            return row.Ok ? t : null;
        }

        public override string KeyOf(TrainingCompletionRecord f) => $"{f.PartnerId}|{f.Track}|{Date(f.CompletedOn)}";

        public override IQueryable<TrainingCompletionRecord> Candidates(IQueryable<TrainingCompletionRecord> stored, IReadOnlyList<TrainingCompletionRecord> incoming)
        {
            var partners = incoming.Select(e => e.PartnerId).Distinct().ToList();
            var (min, max) = (incoming.Min(e => e.CompletedOn), incoming.Max(e => e.CompletedOn));
            return stored.Where(e => partners.Contains(e.PartnerId) && e.CompletedOn >= min && e.CompletedOn <= max);
        }

        public override (Merge, string?) Merge(TrainingCompletionRecord stored, TrainingCompletionRecord incoming) => Keep(false);

        public override IQueryable<TrainingCompletionRecord> Filter(IQueryable<TrainingCompletionRecord> facts, PartnerId? partner, DateOnly? from, DateOnly? to) =>
            facts.Where(e => (partner == null || e.PartnerId == partner) && (from == null || e.CompletedOn >= from) && (to == null || e.CompletedOn <= to))
                .OrderBy(e => e.CompletedOn).ThenBy(e => e.Id);

        public override string?[] Cells(TrainingCompletionRecord t, Currency programCurrency) => [t.PartnerId.ToString(), t.Track, Date(t.CompletedOn)];
    }

    private sealed class ExamKind : FactKind<ExamAttemptRecord>
    {
        public override string Key => "exams";
        public override string Description => "Exam attempts with their score from 0 to 100; an attempt passes at the exam's pass mark.";
        public override IReadOnlyList<string> NaturalKey => ["partner", "exam", "taken_on"];
        public override IReadOnlyList<FactColumn> Columns { get; } =
            [PartnerColumn, Col("exam", true, "The program's exam key."), Col("taken_on", true, "The day of the attempt."), Col("score", true, "0 to 100.")];

        public override ExamAttemptRecord? Read(FactRow row)
        {
            var e = new ExamAttemptRecord
            {
                PartnerId = row.Partner() ?? default,
                Exam = row.ProgramKey("exam", row.Context.Program.Exams.Select(e => e.Key), "exam") ?? "",
                TakenOn = row.Date("taken_on") ?? default,
                Score = row.Int("score", 0, 100) ?? 0,
            };
            return row.Ok ? e : null;
        }

        public override string KeyOf(ExamAttemptRecord f) => $"{f.PartnerId}|{f.Exam}|{Date(f.TakenOn)}";

        public override IQueryable<ExamAttemptRecord> Candidates(IQueryable<ExamAttemptRecord> stored, IReadOnlyList<ExamAttemptRecord> incoming)
        {
            var partners = incoming.Select(e => e.PartnerId).Distinct().ToList();
            var (min, max) = (incoming.Min(e => e.TakenOn), incoming.Max(e => e.TakenOn));
            return stored.Where(e => partners.Contains(e.PartnerId) && e.TakenOn >= min && e.TakenOn <= max);
        }

        public override (Merge, string?) Merge(ExamAttemptRecord stored, ExamAttemptRecord incoming)
        {
            var changed = stored.Score != incoming.Score;
            stored.Score = incoming.Score;
            return Keep(changed);
        }

        public override IQueryable<ExamAttemptRecord> Filter(IQueryable<ExamAttemptRecord> facts, PartnerId? partner, DateOnly? from, DateOnly? to) =>
            facts.Where(e => (partner == null || e.PartnerId == partner) && (from == null || e.TakenOn >= from) && (to == null || e.TakenOn <= to))
                .OrderBy(e => e.TakenOn).ThenBy(e => e.Id);

        public override string?[] Cells(ExamAttemptRecord e, Currency programCurrency) => [e.PartnerId.ToString(), e.Exam, Date(e.TakenOn), Number(e.Score)];
    }

    private sealed class CertificationKind : FactKind<CertificationAwardRecord>
    {
        public override string Key => "certifications";
        public override string Description => "Certification levels awarded; each lasts the level's validity and is renewed by a new award.";
        public override IReadOnlyList<string> NaturalKey => ["partner", "level", "awarded_on"];
        public override IReadOnlyList<FactColumn> Columns { get; } =
            [PartnerColumn, Col("level", true, "The program's certification level key."), Col("awarded_on", true, "The day it was awarded.")];

        public override CertificationAwardRecord? Read(FactRow row)
        {
            var c = new CertificationAwardRecord
            {
                PartnerId = row.Partner() ?? default,
                Level = row.ProgramKey("level", row.Context.Program.Certification.Levels.Select(l => l.Key), "certification level") ?? "",
                AwardedOn = row.Date("awarded_on") ?? default,
            };
            return row.Ok ? c : null;
        }

        public override string KeyOf(CertificationAwardRecord f) => $"{f.PartnerId}|{f.Level}|{Date(f.AwardedOn)}";

        public override IQueryable<CertificationAwardRecord> Candidates(IQueryable<CertificationAwardRecord> stored, IReadOnlyList<CertificationAwardRecord> incoming)
        {
            var partners = incoming.Select(e => e.PartnerId).Distinct().ToList();
            var (min, max) = (incoming.Min(e => e.AwardedOn), incoming.Max(e => e.AwardedOn));
            return stored.Where(e => partners.Contains(e.PartnerId) && e.AwardedOn >= min && e.AwardedOn <= max);
        }

        public override (Merge, string?) Merge(CertificationAwardRecord stored, CertificationAwardRecord incoming) => Keep(false);

        public override IQueryable<CertificationAwardRecord> Filter(IQueryable<CertificationAwardRecord> facts, PartnerId? partner, DateOnly? from, DateOnly? to) =>
            facts.Where(e => (partner == null || e.PartnerId == partner) && (from == null || e.AwardedOn >= from) && (to == null || e.AwardedOn <= to))
                .OrderBy(e => e.AwardedOn).ThenBy(e => e.Id);

        public override string?[] Cells(CertificationAwardRecord c, Currency programCurrency) => [c.PartnerId.ToString(), c.Level, Date(c.AwardedOn)];
    }

    private sealed class CommitmentKind : FactKind<CommitmentRecord>
    {
        public override string Key => "commitments";
        public override string Description => "Commitments the partner signed (annual business plans), required by certification levels.";
        public override IReadOnlyList<string> NaturalKey => ["partner", "starts_on"];
        public override IReadOnlyList<FactColumn> Columns { get; } =
        [
            PartnerColumn, Col("starts_on", true, "The first day covered."), Col("ends_on", true, "The last day covered."),
            Col("description", false, "What was committed."),
        ];

        public override CommitmentRecord? Read(FactRow row)
        {
            var c = new CommitmentRecord
            {
                PartnerId = row.Partner() ?? default,
                StartsOn = row.Date("starts_on") ?? default,
                EndsOn = row.Date("ends_on") ?? default,
                Description = row.Text("description", 200),
            };
            if (row.Ok && c.EndsOn < c.StartsOn) row.Problem("ends_on", "A commitment cannot end before it starts.");
            return row.Ok ? c : null;
        }

        public override string KeyOf(CommitmentRecord f) => $"{f.PartnerId}|{Date(f.StartsOn)}";

        public override IQueryable<CommitmentRecord> Candidates(IQueryable<CommitmentRecord> stored, IReadOnlyList<CommitmentRecord> incoming)
        {
            var partners = incoming.Select(e => e.PartnerId).Distinct().ToList();
            return stored.Where(e => partners.Contains(e.PartnerId));
        }

        public override (Merge, string?) Merge(CommitmentRecord s, CommitmentRecord i)
        {
            var changed = s.EndsOn != i.EndsOn || s.Description != i.Description;
            (s.EndsOn, s.Description) = (i.EndsOn, i.Description);
            return Keep(changed);
        }

        public override IQueryable<CommitmentRecord> Filter(IQueryable<CommitmentRecord> facts, PartnerId? partner, DateOnly? from, DateOnly? to) =>
            facts.Where(e => (partner == null || e.PartnerId == partner) && (from == null || e.EndsOn >= from) && (to == null || e.StartsOn <= to))
                .OrderBy(e => e.StartsOn).ThenBy(e => e.Id);

        public override string?[] Cells(CommitmentRecord c, Currency programCurrency) => [c.PartnerId.ToString(), Date(c.StartsOn), Date(c.EndsOn), c.Description];
    }

    private sealed class SurveyResponseKind : FactKind<SurveyResponseRecord>
    {
        public override string Key => "surveys";
        public override string Description => "Satisfaction and advocacy (likelihood to recommend) answers, stored normalized to 0–100.";
        public override IReadOnlyList<string> NaturalKey => ["external_id"];
        public override IReadOnlyList<FactColumn> Columns { get; } =
        [
            Col("external_id", true, "The response's id in the survey tool."),
            PartnerColumn,
            Col("kind", true, "satisfaction or advocacy."),
            Col("answered_on", true, "The day of the answer."),
            Col("score", true, "The answer on its scale."),
            Col("scale", false, "100 (0–100, the default), 10 (0–10, ×10) or 5 (1–5, (a − 1) × 25)."),
        ];

        public override SurveyResponseRecord? Read(FactRow row)
        {
            var scale = row.Int("scale", 5, 100, required: false) ?? 100;
            var (min, max) = scale switch { 5 => (1, 5), 10 => (0, 10), _ => (0, 100) };
            if (scale is not (5 or 10 or 100)) row.Problem("scale", "The scale is 100, 10 or 5.");
            var s = new SurveyResponseRecord
            {
                ExternalId = row.Text("external_id", 200, required: true) ?? "",
                PartnerId = row.Partner() ?? default,
                Kind = row.Enum<SurveyKind>("kind") ?? default,
                AnsweredOn = row.Date("answered_on") ?? default,
                Score = row.Int("score", min, max) ?? 0,
            };
            s.Score = scale switch { 5 => (s.Score - 1) * 25, 10 => s.Score * 10, _ => s.Score };
            return row.Ok ? s : null;
        }

        public override string KeyOf(SurveyResponseRecord f) => f.ExternalId;

        public override IQueryable<SurveyResponseRecord> Candidates(IQueryable<SurveyResponseRecord> stored, IReadOnlyList<SurveyResponseRecord> incoming)
        {
            var ids = incoming.Select(e => e.ExternalId).ToList();
            return stored.Where(e => ids.Contains(e.ExternalId));
        }

        public override (Merge, string?) Merge(SurveyResponseRecord s, SurveyResponseRecord i)
        {
            if (s.PartnerId != i.PartnerId) return (Facts.Merge.Refused, $"Response '{s.ExternalId}' belongs to another partner.");
            var changed = (s.Kind, s.AnsweredOn, s.Score) != (i.Kind, i.AnsweredOn, i.Score);
            (s.Kind, s.AnsweredOn, s.Score) = (i.Kind, i.AnsweredOn, i.Score);
            return Keep(changed);
        }

        public override IQueryable<SurveyResponseRecord> Filter(IQueryable<SurveyResponseRecord> facts, PartnerId? partner, DateOnly? from, DateOnly? to) =>
            facts.Where(e => (partner == null || e.PartnerId == partner) && (from == null || e.AnsweredOn >= from) && (to == null || e.AnsweredOn <= to))
                .OrderBy(e => e.AnsweredOn).ThenBy(e => e.Id);

        public override string?[] Cells(SurveyResponseRecord s, Currency programCurrency) =>
            [s.ExternalId, s.PartnerId.ToString(), Lower(s.Kind), Date(s.AnsweredOn), Number(s.Score), "100"];
    }

    private sealed class RatingKind : FactKind<ManagerRatingRecord>
    {
        public override string Key => "ratings";
        public override string Description => "Partner managers' 1–5 ratings of the tier criteria; the latest rating on or before a date counts.";
        public override IReadOnlyList<string> NaturalKey => ["partner", "criterion", "rated_on"];
        public override IReadOnlyList<FactColumn> Columns { get; } =
        [
            PartnerColumn, Col("criterion", true, "The program's tier criterion key."), Col("rated_on", true, "The day of the rating."),
            Col("score", true, "1 to 5."), Col("rated_by", false, "Who rated."),
        ];

        public override ManagerRatingRecord? Read(FactRow row)
        {
            var r = new ManagerRatingRecord
            {
                PartnerId = row.Partner() ?? default,
                Criterion = row.ProgramKey("criterion", row.Context.Program.TierCriteria.Select(c => c.Key), "criterion") ?? "",
                RatedOn = row.Date("rated_on") ?? default,
                Score = row.Int("score", 1, 5) ?? 0,
                RatedBy = row.Text("rated_by", 254),
            };
            return row.Ok ? r : null;
        }

        public override string KeyOf(ManagerRatingRecord f) => $"{f.PartnerId}|{f.Criterion}|{Date(f.RatedOn)}";

        public override IQueryable<ManagerRatingRecord> Candidates(IQueryable<ManagerRatingRecord> stored, IReadOnlyList<ManagerRatingRecord> incoming)
        {
            var partners = incoming.Select(e => e.PartnerId).Distinct().ToList();
            var (min, max) = (incoming.Min(e => e.RatedOn), incoming.Max(e => e.RatedOn));
            return stored.Where(e => partners.Contains(e.PartnerId) && e.RatedOn >= min && e.RatedOn <= max);
        }

        public override (Merge, string?) Merge(ManagerRatingRecord s, ManagerRatingRecord i)
        {
            var changed = s.Score != i.Score || (i.RatedBy is not null && s.RatedBy != i.RatedBy);
            s.Score = i.Score;
            s.RatedBy = i.RatedBy ?? s.RatedBy;
            return Keep(changed);
        }

        public override IQueryable<ManagerRatingRecord> Filter(IQueryable<ManagerRatingRecord> facts, PartnerId? partner, DateOnly? from, DateOnly? to) =>
            facts.Where(e => (partner == null || e.PartnerId == partner) && (from == null || e.RatedOn >= from) && (to == null || e.RatedOn <= to))
                .OrderBy(e => e.RatedOn).ThenBy(e => e.Id);

        public override string?[] Cells(ManagerRatingRecord r, Currency programCurrency) => [r.PartnerId.ToString(), r.Criterion, Date(r.RatedOn), Number(r.Score), r.RatedBy];
    }

    private sealed class EngagementKind : FactKind<EngagementRecord>
    {
        public override string Key => "engagement";
        public override string Description => "Engagement the program gives points for (logins, downloads, webinars attended…), as counts per kind and day.";
        public override IReadOnlyList<string> NaturalKey => ["partner", "kind", "occurred_on"];
        public override IReadOnlyList<FactColumn> Columns { get; } =
            [PartnerColumn, Col("kind", true, "The program's engagement kind."), Col("occurred_on", true, "The day."), Col("count", false, "How many that day; 1 when empty.")];

        public override EngagementRecord? Read(FactRow row)
        {
            var e = new EngagementRecord
            {
                PartnerId = row.Partner() ?? default,
                Kind = row.ProgramKey("kind", row.Context.Program.Measurement.Engagement.Points.Keys.Order(StringComparer.Ordinal), "engagement kind") ?? "",
                OccurredOn = row.Date("occurred_on") ?? default,
                Count = row.Int("count", 0, 1_000_000, required: false) ?? 1,
            };
            return row.Ok ? e : null;
        }

        public override string KeyOf(EngagementRecord f) => $"{f.PartnerId}|{f.Kind}|{Date(f.OccurredOn)}";

        public override IQueryable<EngagementRecord> Candidates(IQueryable<EngagementRecord> stored, IReadOnlyList<EngagementRecord> incoming)
        {
            var partners = incoming.Select(e => e.PartnerId).Distinct().ToList();
            var (min, max) = (incoming.Min(e => e.OccurredOn), incoming.Max(e => e.OccurredOn));
            return stored.Where(e => partners.Contains(e.PartnerId) && e.OccurredOn >= min && e.OccurredOn <= max);
        }

        public override (Merge, string?) Merge(EngagementRecord stored, EngagementRecord incoming)
        {
            var changed = stored.Count != incoming.Count;
            stored.Count = incoming.Count;
            return Keep(changed);
        }

        public override IQueryable<EngagementRecord> Filter(IQueryable<EngagementRecord> facts, PartnerId? partner, DateOnly? from, DateOnly? to) =>
            facts.Where(e => (partner == null || e.PartnerId == partner) && (from == null || e.OccurredOn >= from) && (to == null || e.OccurredOn <= to))
                .OrderBy(e => e.OccurredOn).ThenBy(e => e.Id);

        public override string?[] Cells(EngagementRecord e, Currency programCurrency) => [e.PartnerId.ToString(), e.Kind, Date(e.OccurredOn), Number(e.Count)];
    }

    private sealed class CostKind : FactKind<CostRecord>
    {
        public override string Key => "costs";
        public override string Description => "Known costs of a partnership (enablement, market development funds, co-marketing spend), for partnership ROI.";
        public override IReadOnlyList<string> NaturalKey => ["external_id"];
        public override IReadOnlyList<FactColumn> Columns { get; } =
        [
            Col("external_id", true, "The cost's id in the finance system."), PartnerColumn, Col("incurred_on", true, "The day."),
            Col("amount", true, "The amount in major units."), CurrencyColumn, Col("category", false, "enablement, mdf, co-marketing…"),
            Col("description", false, "What it was."),
        ];

        public override CostRecord? Read(FactRow row)
        {
            var currency = row.CurrencyCode();
            var c = new CostRecord
            {
                ExternalId = row.Text("external_id", 200, required: true) ?? "",
                PartnerId = row.Partner() ?? default,
                IncurredOn = row.Date("incurred_on") ?? default,
                AmountMinor = row.Amount("amount", currency) ?? 0,
                Currency = currency?.Code ?? "",
                Category = row.Text("category", 100),
                Description = row.Text("description", 200),
            };
            return row.Ok ? c : null;
        }

        public override string KeyOf(CostRecord f) => f.ExternalId;

        public override IQueryable<CostRecord> Candidates(IQueryable<CostRecord> stored, IReadOnlyList<CostRecord> incoming)
        {
            var ids = incoming.Select(e => e.ExternalId).ToList();
            return stored.Where(e => ids.Contains(e.ExternalId));
        }

        public override (Merge, string?) Merge(CostRecord s, CostRecord i)
        {
            if (s.PartnerId != i.PartnerId) return (Facts.Merge.Refused, $"Cost '{s.ExternalId}' belongs to another partner.");
            var changed = (s.IncurredOn, s.AmountMinor, s.Currency, s.Category, s.Description) != (i.IncurredOn, i.AmountMinor, i.Currency, i.Category, i.Description);
            (s.IncurredOn, s.AmountMinor, s.Currency, s.Category, s.Description) = (i.IncurredOn, i.AmountMinor, i.Currency, i.Category, i.Description);
            return Keep(changed);
        }

        public override IQueryable<CostRecord> Filter(IQueryable<CostRecord> facts, PartnerId? partner, DateOnly? from, DateOnly? to) =>
            facts.Where(e => (partner == null || e.PartnerId == partner) && (from == null || e.IncurredOn >= from) && (to == null || e.IncurredOn <= to))
                .OrderBy(e => e.IncurredOn).ThenBy(e => e.Id);

        public override string?[] Cells(CostRecord c, Currency programCurrency) =>
            [c.ExternalId, c.PartnerId.ToString(), Date(c.IncurredOn), Amount(c.AmountMinor, c.Currency), c.Currency, c.Category, c.Description];
    }

    private sealed class CompanyRevenueKind : FactKind<CompanyRevenueRecord>
    {
        public override string Key => "company-revenue";
        public override string Description => "The whole company's revenue per calendar month, for the partners' share of company revenue (partnership impact).";
        public override IReadOnlyList<string> NaturalKey => ["month"];
        public override IReadOnlyList<FactColumn> Columns { get; } =
            [Col("month", true, "The calendar month (yyyy-MM)."), Col("revenue", true, "The month's revenue in major units."), CurrencyColumn];

        public override CompanyRevenueRecord? Read(FactRow row)
        {
            var currency = row.CurrencyCode();
            var month = row.Text("month", 7, required: true);
            var r = new CompanyRevenueRecord { RevenueMinor = row.Amount("revenue", currency) ?? 0, Currency = currency?.Code ?? "" };
            if (month is not null)
            {
                if (DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first))
                    (r.Year, r.Month) = (first.Year, first.Month);
                else row.Problem("month", $"'{FactRow.Shorten(month)}' is not a month like 2026-01.");
            }

            return row.Ok ? r : null;
        }

        public override string KeyOf(CompanyRevenueRecord f) => $"{f.Year:D4}-{f.Month:D2}";

        public override IQueryable<CompanyRevenueRecord> Candidates(IQueryable<CompanyRevenueRecord> stored, IReadOnlyList<CompanyRevenueRecord> incoming)
        {
            var years = incoming.Select(e => e.Year).Distinct().ToList();
            return stored.Where(e => years.Contains(e.Year));
        }

        public override (Merge, string?) Merge(CompanyRevenueRecord s, CompanyRevenueRecord i)
        {
            var changed = s.RevenueMinor != i.RevenueMinor || s.Currency != i.Currency;
            (s.RevenueMinor, s.Currency) = (i.RevenueMinor, i.Currency);
            return Keep(changed);
        }

        public override IQueryable<CompanyRevenueRecord> Filter(IQueryable<CompanyRevenueRecord> facts, PartnerId? partner, DateOnly? from, DateOnly? to)
        {
            var (fromKey, toKey) = (from is { } f ? (f.Year * 12) + f.Month : int.MinValue, to is { } t ? (t.Year * 12) + t.Month : int.MaxValue);
            return facts.Where(e => (e.Year * 12) + e.Month >= fromKey && (e.Year * 12) + e.Month <= toKey).OrderBy(e => e.Year).ThenBy(e => e.Month);
        }

        public override string?[] Cells(CompanyRevenueRecord r, Currency programCurrency) =>
            [$"{r.Year:D4}-{r.Month:D2}", Amount(r.RevenueMinor, r.Currency), r.Currency];
    }
}
