using System.Data;
using JasperFx.Events.Aggregation;
using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Projections;
using Npgsql;
using SessionOptions = Marten.Services.SessionOptions;

namespace MyGovernment.Integrity;
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
public sealed partial class ReadModelChecker(IDocumentStore store, IntegrityDatabase db)
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
}
