using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using PartnerHub.App.Persistence;
using PartnerHub.Core.Facts;

namespace PartnerHub.App.Facts;

/// <summary>
/// Loads every partner's facts at once: one scan per table (no query per partner), split into primary-key ranges
/// read in parallel on their own connections, rows streamed into flat arrays and then grouped by partner with a
/// counting sort. Nothing is allocated per row except the facts themselves.
/// </summary>
/// <summary>Where a bulk load spent its time (cumulative marks), for benchmarks.</summary>
public sealed class FactLoadStats
{
    private readonly List<(string Stage, TimeSpan At)> _marks = [];

    public IReadOnlyList<(string Stage, TimeSpan At)> Marks => _marks;

    internal void Add(string stage, TimeSpan at) => _marks.Add((stage, at));

    public override string ToString()
    {
        var previous = TimeSpan.Zero;
        var parts = new List<string>();
        foreach (var (stage, at) in _marks)
        {
            parts.Add($"{stage} {(at - previous).TotalMilliseconds:F0} ms");
            previous = at;
        }

        return string.Join(", ", parts);
    }
}

internal static class BulkFactLoader
{
    /// <summary>Rows per range: big tables are cut into pieces so both cores stay busy to the end.</summary>
    private const long RangeRows = 400_000;

    public static async Task<ProgramFacts> LoadAsync(PartnerHubDb db, string currency, CancellationToken ct, FactLoadStats? stats = null)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        if (currency.Length != 3 || !currency.All(char.IsAsciiLetterUpper)) throw new ArgumentException($"Not a currency code: {currency}", nameof(currency));
        var rows = await db.Partners.AsNoTracking().OrderBy(p => p.Id)
            .Select(p => new { p.Id, p.Category, p.Subcategory, p.Stage, p.Agreement, p.UpdatedAt, p.ArchivedAt }).ToListAsync(ct);
        var terms = rows.Select(p => PartnerTerms.From(p.Id, p.Category, p.Subcategory, p.Stage, p.Agreement, p.UpdatedAt, p.ArchivedAt))
            .OfType<PartnerTerms>().ToArray();
        var company = await PartnerFactsLoader.CompanyRevenueAsync(db, currency, ct);
        var index = new Dictionary<Guid, int>(terms.Length);
        for (var i = 0; i < terms.Length; i++) index[terms[i].Id.Value] = i;

        stats?.Add("partners", watch.Elapsed);
        var postgres = db.Provider == DatabaseProvider.Postgres;
        var connection = db.Database.GetConnectionString() ?? throw new InvalidOperationException("No connection string.");
        var c = $"'{currency}'";
        var tables = new ITable[]
        {
            new Table<RevenueEvent>("revenue_events", $"partner_id IS NOT NULL AND currency = {c}",
                [("partner_id", ColumnRead.Partner), ("kind", ColumnRead.Initial), ("occurred_on", ColumnRead.Date), ("amount_minor", ColumnRead.Long), ("customer_ref", ColumnRead.CustomerKey)],
                r => new RevenueEvent(RevenueKindOf(r.Initial()), DateOnly.FromDayNumber(r.Day()), r.Long(), r.CustomerKey())),
            new Table<DealFact>("deal_facts", $"currency = {c}",
                [("partner_id", ColumnRead.Partner), ("registered_on", ColumnRead.Date), ("closed_on", ColumnRead.NullableDate), ("outcome", ColumnRead.Initial), ("amount_minor", ColumnRead.Long)],
                r => new DealFact(DateOnly.FromDayNumber(r.Day()), r.DayOrNull() is { } closed ? DateOnly.FromDayNumber(closed) : null, OutcomeOf(r.Initial()), r.Long())),
            new Table<TrainingCompletion>("training_completions", "",
                [("partner_id", ColumnRead.Partner), ("track", ColumnRead.Interned), ("completed_on", ColumnRead.Date)],
                r => new TrainingCompletion(r.Interned(), DateOnly.FromDayNumber(r.Day()))),
            new Table<ExamAttempt>("exam_attempts", "",
                [("partner_id", ColumnRead.Partner), ("exam", ColumnRead.Interned), ("taken_on", ColumnRead.Date), ("score", ColumnRead.Int)],
                r => new ExamAttempt(r.Interned(), DateOnly.FromDayNumber(r.Day()), r.Int())),
            new Table<CertificationAward>("certification_awards", "",
                [("partner_id", ColumnRead.Partner), ("level", ColumnRead.Interned), ("awarded_on", ColumnRead.Date)],
                r => new CertificationAward(r.Interned(), DateOnly.FromDayNumber(r.Day()))),
            new Table<Commitment>("commitments", "",
                [("partner_id", ColumnRead.Partner), ("starts_on", ColumnRead.Date), ("ends_on", ColumnRead.Date)],
                r => new Commitment(DateOnly.FromDayNumber(r.Day()), DateOnly.FromDayNumber(r.Day()))),
            new Table<SurveyResponse>("survey_responses", "",
                [("partner_id", ColumnRead.Partner), ("kind", ColumnRead.Initial), ("answered_on", ColumnRead.Date), ("score", ColumnRead.Int)],
                r => new SurveyResponse(r.Initial() == 'A' ? SurveyKind.Advocacy : SurveyKind.Satisfaction, DateOnly.FromDayNumber(r.Day()), r.Int())),
            new Table<ManagerRating>("manager_ratings", "",
                [("partner_id", ColumnRead.Partner), ("criterion", ColumnRead.Interned), ("rated_on", ColumnRead.Date), ("score", ColumnRead.Int)],
                r => new ManagerRating(r.Interned(), DateOnly.FromDayNumber(r.Day()), r.Int())),
            new Table<EngagementEvent>("engagement_events", "",
                [("partner_id", ColumnRead.Partner), ("kind", ColumnRead.Interned), ("occurred_on", ColumnRead.Date), ("count", ColumnRead.Int)],
                r => new EngagementEvent(r.Interned(), DateOnly.FromDayNumber(r.Day()), r.Int())),
            new Table<CostEntry>("partner_costs", $"currency = {c}",
                [("partner_id", ColumnRead.Partner), ("incurred_on", ColumnRead.Date), ("amount_minor", ColumnRead.Long)],
                r => new CostEntry(DateOnly.FromDayNumber(r.Day()), r.Long())),
        };

        // Plan: each table's id range, cut into pieces; the biggest pieces start first.
        var work = new List<(ITable Table, long From, long To)>();
        var dbConnection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            foreach (var table in tables)
            {
                var (min, max) = await IdRangeAsync(dbConnection, table.Name, ct);
                if (max < min) continue;
                for (var from = min; from <= max; from += RangeRows) work.Add((table, from, Math.Min(max + 1, from + RangeRows)));
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        work.Sort((a, b) => (b.To - b.From).CompareTo(a.To - a.From));
        await Task.Run(() => Parallel.ForEach(work, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = ct }, item =>
        {
            var sql = FactSql.Select(postgres, item.Table.Name, item.Table.Columns, item.Table.Where, item.From, item.To);
            using IFactCursor cursor = postgres ? new NpgsqlFactCursor(connection, sql, item.Table.Columns.Length, index) : new SqliteFactCursor(connection, sql, index);
            item.Table.Read(cursor, item.From, item.To - item.From);
        }), ct);

        stats?.Add("scan", watch.Elapsed);
        var grouped = new object[tables.Length];
        Parallel.For(0, tables.Length, t => grouped[t] = tables[t].Group(terms.Length));
        var partners = new PartnerFacts[terms.Length];
        for (var i = 0; i < terms.Length; i++)
        {
            var t = terms[i];
            partners[i] = new PartnerFacts
            {
                PartnerId = t.Id,
                Category = t.Category,
                Subcategory = t.Subcategory,
                PartnershipStart = t.Start,
                PartnershipEnd = t.End,
                Revenue = ((RevenueEvent[][])grouped[0])[i],
                Deals = ((DealFact[][])grouped[1])[i],
                Training = ((TrainingCompletion[][])grouped[2])[i],
                Exams = ((ExamAttempt[][])grouped[3])[i],
                Certifications = ((CertificationAward[][])grouped[4])[i],
                Commitments = ((Commitment[][])grouped[5])[i],
                Surveys = ((SurveyResponse[][])grouped[6])[i],
                Ratings = ((ManagerRating[][])grouped[7])[i],
                Engagement = ((EngagementEvent[][])grouped[8])[i],
                Costs = ((CostEntry[][])grouped[9])[i],
            };
        }

        stats?.Add("group", watch.Elapsed);
        return new ProgramFacts(partners, company);
    }

    private static async Task<(long Min, long Max)> IdRangeAsync(DbConnection connection, string table, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        // Two subqueries: SQLite answers min() or max() alone from the primary key, but both in one SELECT with a scan.
        command.CommandText = $"SELECT (SELECT min(id) FROM {table}), (SELECT max(id) FROM {table})";
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return reader.IsDBNull(0) ? (0, -1) : (reader.GetInt64(0), reader.GetInt64(1));
    }

    internal static RevenueKind RevenueKindOf(int initial) => initial switch
    {
        'B' => RevenueKind.Booking,
        'I' => RevenueKind.Invoice,
        'P' => RevenueKind.Payment,
        'R' => RevenueKind.Refund,
        'C' => RevenueKind.Chargeback,
        _ => throw new InvalidOperationException($"Unknown revenue kind starting with '{(char)initial}'."),
    };

    internal static DealOutcome OutcomeOf(int initial) => initial switch
    {
        'W' => DealOutcome.Won,
        'L' => DealOutcome.Lost,
        _ => DealOutcome.Open,
    };

    private interface ITable
    {
        string Name { get; }
        string Where { get; }
        (string Column, ColumnRead Read)[] Columns { get; }

        void Read(IFactCursor cursor, long from, long expected);

        object Group(int partnerCount);
    }

    /// <summary>One table: its pieces read concurrently into flat (owner, fact) arrays, then grouped per partner.</summary>
    private sealed class Table<T>(string name, string where, (string, ColumnRead)[] columns, Func<IFactCursor, T> read) : ITable
    {
        private readonly List<(int[] Owners, T[] Items, int Count)> _pieces = [];

        public string Name { get; } = name;
        public string Where { get; } = where;
        public (string Column, ColumnRead Read)[] Columns { get; } = columns;

        public void Read(IFactCursor cursor, long from, long expected)
        {
            // The id range bounds the row count, so one allocation holds the piece.
            var capacity = (int)Math.Min(expected, 1 << 20);
            var owners = new int[capacity];
            var items = new T[capacity];
            var count = 0;
            while (cursor.Next())
            {
                var owner = cursor.Partner();
                if (owner < 0) continue;
                if (count == items.Length)
                {
                    Array.Resize(ref owners, items.Length * 2);
                    Array.Resize(ref items, items.Length * 2);
                }

                owners[count] = owner;
                items[count++] = read(cursor);
            }

            lock (_pieces) _pieces.Add((owners, items, count));
        }

        public object Group(int partnerCount)
        {
            var counts = new int[partnerCount];
            foreach (var (owners, _, count) in _pieces)
                for (var i = 0; i < count; i++) counts[owners[i]]++;
            var result = new T[partnerCount][];
            for (var p = 0; p < partnerCount; p++) result[p] = counts[p] == 0 ? [] : new T[counts[p]];
            Array.Clear(counts);
            foreach (var (owners, items, count) in _pieces)
                for (var i = 0; i < count; i++)
                {
                    var p = owners[i];
                    result[p][counts[p]++] = items[i];
                }

            _pieces.Clear();
            return result;
        }
    }
}
