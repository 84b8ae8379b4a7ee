using System.Data;
using System.Reflection;
using System.Text.Json;
using JasperFx.Events;
using JasperFx.Events.Aggregation;
using JasperFx.Events.Daemon;
using JasperFx.Events.Grouping;
using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Projections;
using Marten.Events;
using Marten.Schema;
using SessionOptions = Marten.Services.SessionOptions;
using Npgsql;

namespace MyGovernment.Api.Audit;

/// <summary>One stored field that differs from the recomputed one (a JSON path; values as JSON, null when absent).</summary>
public sealed record ReadModelFieldDifference(string Path, string? Stored, string? Recomputed);

/// <summary>
/// One row that differs: <c>missing</c> (the events produce it, it is not stored), <c>extra</c> (stored, no event
/// produces it) or <c>differs</c> (both, with the differing fields).
/// </summary>
public sealed record ReadModelDifference(string ReadModel, string Id, string Problem, IReadOnlyList<ReadModelFieldDifference> Fields);

/// <summary>
/// What was checked for one read model: its rows as stored and as recomputed, and the differences (at most the limit
/// asked for; <c>DifferenceCount</c> is exact). <c>RowsAreStreams</c>: a row's id is the id of the stream it folds.
/// <c>UpToSeq</c>: for an async projection, the daemon's progress the rows were compared at.
/// </summary>
public sealed record ReadModelResult(
    string ReadModel, string Projection, string Lifecycle, string Table, bool RowsAreStreams, long StoredRows, long RecomputedRows, long EventsRead,
    long? UpToSeq, int DifferenceCount, IReadOnlyList<ReadModelDifference> Differences);

public sealed record ReadModelCheckReport(bool Ok, IReadOnlyList<string> ReadModelsChecked, IReadOnlyList<ReadModelResult> ReadModels, double Seconds);

/// <summary>
/// The read-model check of DESIGN §7: every stored read model compared, row by row, with rows recomputed from the
/// events by the registered projection itself — the very objects Marten runs inline and in the daemon, so the check
/// cannot drift from the projection the way a second, hand-written fold could.
/// <list type="bullet">
/// <item>Aggregations (single- and multi-stream): the projection's own slicer groups the events it handles into
/// rows and its <c>DetermineActionAsync</c> — what an inline apply or a rebuild calls — folds each from nothing.
/// Single-stream ones are paged by stream (500 streams a query); multi-stream ones (keyed by something inside the
/// event) read all their events at once, which is fine for the few issuance events they take.</item>
/// <item>Event projections (ledger, access log), which write rows per event and may read other documents: each
/// event is applied by the projection to a Marten session that is never saved, and the documents it stores are
/// taken from the session's pending changes.</item>
/// </list>
/// Everything runs in one REPEATABLE READ, READ ONLY transaction: events, stored rows and the daemon's progress come
/// from one snapshot (an inline commit landing mid-check cannot show up as a false difference), and the check can
/// write nothing — no live row, no daemon progress, no scratch table. An async projection is compared only up to the
/// sequence its daemon has reached in that snapshot. Rows are compared as JSON values (Marten's serializer on the
/// recomputed side, the stored jsonb on the other), field by field, so a difference names the fields.
/// Rebuilding into a scratch schema was the alternative: it would need a second store whose daemon progress and
/// schema migrations must be kept away from the live ones, for no gain in fidelity.
/// Cost: one pass over the events each projection handles; memory: a page of events plus the ids of the rows.
/// </summary>
public sealed class ReadModelChecker(IDocumentStore store, IntegrityDatabase db)
{
    private const int StreamPage = 500;
    private const int EventPage = 2_000;

    private IReadOnlyList<ICheck>? _checks;

    /// <summary>The read models that can be checked: every stored (inline or async) projection's documents, by document type name.</summary>
    public IReadOnlyList<string> ReadModels => Checks.Select(c => c.ReadModel).ToList();

    public async Task<ReadModelCheckReport> CheckAsync(IReadOnlyCollection<string>? only, int limit, CancellationToken ct)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        var selected = Checks.Where(c => only is null || only.Contains(c.ReadModel, StringComparer.OrdinalIgnoreCase)).ToList();
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
        await using (var readOnly = new NpgsqlCommand("set transaction read only", connection, tx))
        {
            await readOnly.ExecuteNonQueryAsync(ct);
        }
        var options = SessionOptions.ForTransaction(tx);
        await using var session = store.QuerySession(options);
        var results = new List<ReadModelResult>();
        foreach (var check in selected)
        {
            results.Add(await check.RunAsync(new Context(store, session, tx, db.Schema, limit), ct));
        }
        await tx.RollbackAsync(ct);
        return new ReadModelCheckReport(results.All(r => r.DifferenceCount == 0), [.. results.Select(r => r.ReadModel)], results, started.Elapsed.TotalSeconds);
    }

    private IReadOnlyList<ICheck> Checks => _checks ??= BuildChecks();

    private IReadOnlyList<ICheck> BuildChecks()
    {
        var options = (StoreOptions)store.Options;
        var checks = new List<ICheck>();
        foreach (var source in options.Projections.All.OfType<ProjectionBase>().Where(p => p.Lifecycle != ProjectionLifecycle.Live))
        {
            if (source is IAggregateProjection aggregate)
            {
                var type = typeof(AggregationCheck<,>).MakeGenericType(aggregate.AggregateType, aggregate.IdentityType);
                checks.Add((ICheck)Activator.CreateInstance(type, source, options)!);
            }
            else if (source is EventProjection events)
            {
                checks.AddRange(events.PublishedTypes().Select(doc => new EventProjectionCheck(events, doc, options)));
            }
        }
        return [.. checks.OrderBy(c => c.ReadModel, StringComparer.Ordinal)];
    }

    private sealed record Context(IDocumentStore Store, IQuerySession Session, NpgsqlTransaction Tx, string Schema, int Limit)
    {
        public NpgsqlCommand Command(string sql) => new(sql, Tx.Connection, Tx);
    }

    private interface ICheck
    {
        string ReadModel { get; }

        Task<ReadModelResult> RunAsync(Context context, CancellationToken ct);
    }

    /// <summary>Shared by both kinds: the table, the id member, event aliases, the async bound, and the comparison.</summary>
    private abstract class CheckBase(ProjectionBase projection, Type documentType, IEnumerable<Type> eventTypes, IReadOnlyStoreOptions options) : ICheck
    {
        private readonly IDocumentType _mapping = options.FindOrResolveDocumentType(documentType);

        public string ReadModel { get; } = documentType.Name;

        protected ProjectionBase Projection => projection;

        protected Type[] EventTypes { get; } = [.. eventTypes];

        protected string[] EventAliases { get; } = [.. eventTypes.Select(t => ((EventGraph)options.Events).EventMappingFor(t).EventTypeName)];

        protected string Table => _mapping.TableName.QualifiedName;

        protected Type DocumentType => documentType;

        protected Type IdType => _mapping.IdType;

        protected object IdValue(object document) => _mapping.IdMember switch
        {
            PropertyInfo p => p.GetValue(document)!,
            FieldInfo f => f.GetValue(document)!,
            _ => throw new InvalidOperationException($"{documentType.Name} has no id member."),
        };

        protected string IdOf(object document) => IdValue(document).ToString() ?? "";

        protected void SetId(object document, object id)
        {
            switch (_mapping.IdMember)
            {
                case PropertyInfo p:
                    p.SetValue(document, id);
                    break;
                case FieldInfo f:
                    f.SetValue(document, id);
                    break;
            }
        }

        protected virtual bool RowsAreStreams => false;

        public abstract Task<ReadModelResult> RunAsync(Context context, CancellationToken ct);

        /// <summary>An async projection is only expected to have reached its daemon's progress; inline ones, the whole log.</summary>
        protected async Task<long?> UpToAsync(Context context, CancellationToken ct)
        {
            if (projection.Lifecycle != ProjectionLifecycle.Async)
            {
                return null;
            }
            await using var command = context.Command($"select last_seq_id from {context.Schema}.mt_event_progression where name = @name");
            command.Parameters.AddWithValue("name", projection.Name + ":All");
            return await command.ExecuteScalarAsync(ct) as long? ?? 0;
        }

        /// <summary>The stored rows with these ids, as id text → jsonb text.</summary>
        protected async Task<Dictionary<string, string>> StoredAsync(Context context, Array ids, CancellationToken ct)
        {
            var stored = new Dictionary<string, string>();
            if (ids.Length == 0)
            {
                return stored;
            }
            await using var command = context.Command($"select id::text, data::text from {Table} where id = any(@ids)");
            command.Parameters.AddWithValue("ids", ids);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                stored[reader.GetString(0)] = reader.GetString(1);
            }
            return stored;
        }

        /// <summary>Compares recomputed rows with the stored rows of the same ids; remembers the ids recomputed.</summary>
        protected void Compare(Context context, IReadOnlyDictionary<string, object> recomputed, Dictionary<string, string> stored, Tally tally)
        {
            var serializer = context.Store.Options.Serializer();
            foreach (var (id, document) in recomputed)
            {
                tally.Recomputed.Add(id);
                if (!stored.TryGetValue(id, out var storedJson))
                {
                    tally.Add(context, new ReadModelDifference(ReadModel, id, "missing", []));
                    continue;
                }
                using var left = JsonDocument.Parse(storedJson);
                using var right = JsonDocument.Parse(serializer.ToJson(document));
                var fields = new List<ReadModelFieldDifference>();
                Diff("", left.RootElement, right.RootElement, fields);
                if (fields.Count > 0)
                {
                    tally.Add(context, new ReadModelDifference(ReadModel, id, "differs", fields));
                }
            }
        }

        /// <summary>Stored rows no event produces. Streams every stored id; keeps none but the differences.</summary>
        protected async Task<long> ExtrasAsync(Context context, Tally tally, CancellationToken ct)
        {
            await using var command = context.Command($"select id::text from {Table} order by id");
            await using var reader = await command.ExecuteReaderAsync(ct);
            long rows = 0;
            var extras = new List<string>();
            while (await reader.ReadAsync(ct))
            {
                rows++;
                var id = reader.GetString(0);
                if (!tally.Recomputed.Contains(id))
                {
                    extras.Add(id);
                }
            }
            await reader.DisposeAsync();
            foreach (var id in extras)
            {
                tally.Add(context, new ReadModelDifference(ReadModel, id, "extra", []));
            }
            return rows;
        }

        protected ReadModelResult Result(long storedRows, long eventsRead, long? upTo, Tally tally) =>
            new(ReadModel, projection.GetType().Name, projection.Lifecycle.ToString(), Table, RowsAreStreams, storedRows, tally.Recomputed.Count, eventsRead, upTo,
                tally.Count, tally.Listed);

        private static void Diff(string path, JsonElement stored, JsonElement recomputed, List<ReadModelFieldDifference> fields)
        {
            if (stored.ValueKind == JsonValueKind.Object && recomputed.ValueKind == JsonValueKind.Object)
            {
                var names = stored.EnumerateObject().Select(p => p.Name).Union(recomputed.EnumerateObject().Select(p => p.Name)).Order(StringComparer.Ordinal);
                foreach (var name in names)
                {
                    var child = path.Length == 0 ? name : path + "." + name;
                    var inStored = stored.TryGetProperty(name, out var s);
                    var inRecomputed = recomputed.TryGetProperty(name, out var r);
                    if (inStored && inRecomputed)
                    {
                        Diff(child, s, r, fields);
                    }
                    else if (!(inStored ? s : r).ValueKind.Equals(JsonValueKind.Null))
                    {
                        // An absent member and a null one mean the same to the serializer: only a value counts.
                        fields.Add(new ReadModelFieldDifference(child, inStored ? s.GetRawText() : null, inRecomputed ? r.GetRawText() : null));
                    }
                }
                return;
            }
            if (!JsonElement.DeepEquals(stored, recomputed))
            {
                fields.Add(new ReadModelFieldDifference(path.Length == 0 ? "$" : path, stored.GetRawText(), recomputed.GetRawText()));
            }
        }
    }

    /// <summary>Counts every difference; lists the first <c>limit</c>.</summary>
    private sealed class Tally
    {
        public HashSet<string> Recomputed { get; } = [];

        public List<ReadModelDifference> Listed { get; } = [];

        public int Count { get; private set; }

        public void Add(Context context, ReadModelDifference difference)
        {
            Count++;
            if (Listed.Count < context.Limit)
            {
                Listed.Add(difference);
            }
        }
    }

    private sealed class AggregationCheck<TDoc, TId>(JasperFxAggregationProjectionBase<TDoc, TId, IDocumentOperations, IQuerySession> projection, IReadOnlyStoreOptions options)
        : CheckBase(projection, typeof(TDoc), projection.AllEventTypes, options), IIdentitySetter<TDoc, TId>
        where TDoc : notnull
        where TId : notnull
    {
        protected override bool RowsAreStreams => projection.Scope == AggregationScope.SingleStream;

        public override async Task<ReadModelResult> RunAsync(Context context, CancellationToken ct)
        {
            var tally = new Tally();
            var upTo = await UpToAsync(context, ct);
            long eventsRead = 0;
            if (projection.Scope == AggregationScope.SingleStream && typeof(TId) == typeof(Guid))
            {
                var after = Guid.Empty;
                while (true)
                {
                    var streams = await StreamsAsync(context, after, upTo, ct);
                    if (streams.Count == 0)
                    {
                        break;
                    }
                    after = streams[^1];
                    var events = await EventsAsync(context, upTo, q => q.Where(e => e.StreamId.IsOneOf(streams.ToArray())), ct);
                    eventsRead += events.Count;
                    await FoldAsync(context, events, tally, ct);
                }
            }
            else
            {
                var events = await EventsAsync(context, upTo, q => q, ct);
                eventsRead = events.Count;
                await FoldAsync(context, events, tally, ct);
            }
            return Result(await ExtrasAsync(context, tally, ct), eventsRead, upTo, tally);
        }

        /// <summary>The projection's slicer and fold, from no snapshot: exactly what a rebuild does for these events.</summary>
        private async Task FoldAsync(Context context, IReadOnlyList<IEvent> events, Tally tally, CancellationToken ct)
        {
            var recomputed = new Dictionary<string, object>();
            var ids = new List<TId>();
            foreach (var group in (await projection.BuildSlicer(context.Session).SliceAsync(events)).OfType<SliceGroup<TDoc, TId>>())
            {
                foreach (var slice in group.Slices)
                {
                    var (document, action) = await projection.DetermineActionAsync(context.Session, default, slice.Id, this, slice.Events(), ct);
                    ids.Add(slice.Id);
                    if (document is not null && action is ActionType.Store or ActionType.UnDeleteAndStore)
                    {
                        // Marten assigns the slice's id when it stores the document; the fold alone leaves it unset.
                        SetId(document, slice.Id);
                        recomputed[slice.Id.ToString()!] = document;
                    }
                }
            }
            Compare(context, recomputed, await StoredAsync(context, ids.ToArray(), ct), tally);
        }

        private async Task<List<Guid>> StreamsAsync(Context context, Guid after, long? upTo, CancellationToken ct)
        {
            await using var command = context.Command(
                $"select distinct stream_id from {context.Schema}.mt_events where type = any(@types) and stream_id > @after and seq_id <= @upTo and is_archived = false order by stream_id limit {StreamPage}");
            command.Parameters.AddWithValue("types", EventAliases);
            command.Parameters.AddWithValue("after", after);
            command.Parameters.AddWithValue("upTo", upTo ?? long.MaxValue);
            await using var reader = await command.ExecuteReaderAsync(ct);
            var streams = new List<Guid>();
            while (await reader.ReadAsync(ct))
            {
                streams.Add(reader.GetGuid(0));
            }
            return streams;
        }

        private async Task<IReadOnlyList<IEvent>> EventsAsync(Context context, long? upTo, Func<IQueryable<IEvent>, IQueryable<IEvent>> filter, CancellationToken ct)
        {
            var bound = upTo ?? long.MaxValue;
            return await filter(context.Session.Events.QueryAllRawEvents().Where(e => e.EventTypesAre(EventTypes) && e.Sequence <= bound))
                .OrderBy(e => e.Sequence).ToListAsync(ct);
        }

        void IIdentitySetter<TDoc, TId>.SetIdentity(TDoc document, TId identity) => SetId(document, identity);

        TId IIdentitySetter<TDoc, TId>.Identity(TDoc document) => (TId)IdValue(document);
    }

    private sealed class EventProjectionCheck(EventProjection projection, Type documentType, IReadOnlyStoreOptions options)
        : CheckBase(projection, documentType, projection.IncludedEventTypes, options)
    {
        public override async Task<ReadModelResult> RunAsync(Context context, CancellationToken ct)
        {
            var tally = new Tally();
            var upTo = await UpToAsync(context, ct) ?? long.MaxValue;
            long after = 0, eventsRead = 0;
            while (true)
            {
                var from = after;
                var query = context.Session.Events.QueryAllRawEvents().Where(e => e.Sequence > from && e.Sequence <= upTo);
                if (EventTypes.Length > 0)
                {
                    query = query.Where(e => e.EventTypesAre(EventTypes));
                }
                var events = await query.OrderBy(e => e.Sequence).Take(EventPage).ToListAsync(ct);
                if (events.Count == 0)
                {
                    break;
                }
                after = events[^1].Sequence;
                eventsRead += events.Count;
                // A session on the check's read-only transaction, never saved: it only collects what the projection stores.
                await using var scratch = context.Store.LightweightSession(SessionOptions.ForTransaction(context.Tx));
                foreach (var e in events)
                {
                    await projection.ApplyAsync(scratch, e, ct);
                }
                var recomputed = scratch.PendingChanges.Updates().Concat(scratch.PendingChanges.Inserts())
                    .Where(DocumentType.IsInstanceOfType)
                    .GroupBy(IdOf)
                    .ToDictionary(g => g.Key, g => g.Last());
                var ids = Array.CreateInstance(IdType, recomputed.Count);
                var i = 0;
                foreach (var document in recomputed.Values)
                {
                    ids.SetValue(IdValue(document), i++);
                }
                Compare(context, recomputed, await StoredAsync(context, ids, ct), tally);
            }
            return Result(await ExtrasAsync(context, tally, ct), eventsRead, upTo == long.MaxValue ? null : upTo, tally);
        }
    }
}
