using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MyGovernment.Projections.ServiceRequests;
using Npgsql;
using Wolverine;

namespace MyGovernment.Application.ServiceRequests;

/// <summary>
/// Finds the requests with a due timer (<see cref="RequestTimers"/>: the SLA deadline passed, or a payment, applicant
/// response or appeal wait longer than configured; one query over indexed columns) and runs each due timer's
/// handler, instead of one scheduled message per timer (<see cref="DueTimers"/>). Runs on every node; a PostgreSQL
/// advisory lock lets one node sweep at a time, and each decision re-reads its stream and appends with an optimistic
/// version check, so a decision that became moot, or that another node already took, appends nothing. A node that
/// dies mid-sweep loses its connection and with it the lock: the next node's tick takes over.
/// </summary>
public sealed partial class SlaSweep(
    IDocumentStore store, IServiceScopeFactory scopes, TimeProvider clock, IOptions<LifecycleOptions> options, ILogger<SlaSweep> logger)
    : BackgroundService
{
    /// <summary>Any number every node agrees on: the advisory lock that names "the SLA sweep" (now of every lifecycle timer).</summary>
    private const long LockKey = 0x4D79_476F_7653_4C41;

    /// <summary>Decisions run side by side: each is a short transaction of its own.</summary>
    private const int Parallelism = 4;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SlaSweepInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A database outage: the deadlines stay in the table and the next tick tries again.
                LogSweepFailed(logger, e);
            }
        }
    }

    /// <summary>One sweep at the current time. Returns how many requests it ran timers for (0 when another node holds the sweep).</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var now = DueTimers.At(clock.GetUtcNow(), options.Value);
        var batchSize = options.Value.SlaSweepBatchSize;
        await using var connection = (NpgsqlConnection)store.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        // The common case, every tick on every node: four index lookups that find nothing, and no lock taken.
        if (!await AnyDueAsync(connection, now, ct))
        {
            return 0;
        }
        if (!await AdvisoryAsync(connection, "pg_try_advisory_lock", ct))
        {
            return 0;
        }
        try
        {
            // Requests already tried in this sweep are not fetched again: one whose decision was moot, or failed, waits
            // for the next tick instead of looping here.
            var tried = new HashSet<Guid>();
            while (true)
            {
                var due = await DueAsync(now, [.. tried], batchSize, ct);
                if (due.Count == 0)
                {
                    return tried.Count;
                }
                tried.UnionWith(due.Select(d => d.Id));
                await Parallel.ForEachAsync(
                    due, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = ct }, (row, token) => RunAsync(now, row, token));
            }
        }
        finally
        {
            // The connection goes back to the pool without a reset (No Reset On Close), so the lock must be released here.
            await AdvisoryAsync(connection, "pg_advisory_unlock", CancellationToken.None);
        }
    }

    private async Task<IReadOnlyList<TimerRow>> DueAsync(DueTimers now, Guid[] exclude, int limit, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        return await Due(session, now, exclude, limit).ToListAsync(ct);
    }

    /// <summary>
    /// Whether any request has a due timer: the earliest value of each timer column against its cut-off. Each
    /// <c>min</c> is one descent of that column's partial index whatever the statistics say. The query over all four
    /// conditions (<see cref="Due"/>) is planned from estimates: with a table's statistics missing or stale (a restore,
    /// a fast-growing table, as in the benchmark's warm-up) PostgreSQL guessed a third of the rows due per condition
    /// and read the whole table to find none, every second on every node (issue 16, part L).
    /// </summary>
    public static NpgsqlCommand AnyDueCommand(IDocumentStore store, DueTimers now)
    {
        var table = store.Options.FindOrResolveDocumentType(typeof(ServiceRequestDetails)).TableName.QualifiedName;
        var command = new NpgsqlCommand($"""
            select coalesce((select min({RequestColumns.TimerCheckAt}) from {table}) <= @now, false)
                or coalesce((select min({RequestColumns.TimerFeeAssessedAt}) from {table}) <= @unpaid, false)
                or coalesce((select min({RequestColumns.TimerInformationRequestedAt}) from {table}) <= @unanswered, false)
                or coalesce((select min({RequestColumns.TimerDecidedAt}) from {table}) <= @decided, false)
            """);
        command.Parameters.AddWithValue("now", now.Now);
        command.Parameters.AddWithValue("unpaid", now.UnpaidSince);
        command.Parameters.AddWithValue("unanswered", now.UnansweredSince);
        command.Parameters.AddWithValue("decided", now.DecidedBefore);
        return command;
    }

    private async Task<bool> AnyDueAsync(NpgsqlConnection connection, DueTimers now, CancellationToken ct)
    {
        await using var command = AnyDueCommand(store, now);
        command.Connection = connection;
        return (bool)(await command.ExecuteScalarAsync(ct))!;
    }

    /// <summary>
    /// The requests with a due timer. Each condition is one indexed column (duplicated from the row, indexed where set),
    /// so PostgreSQL answers from the indexes; public so that a test can read its plan.
    /// </summary>
    public static IQueryable<TimerRow> Due(IQuerySession session, DueTimers now, Guid[] exclude, int limit) =>
        session.Query<ServiceRequestDetails>()
            .Where(d => (d.Timers.CheckAt <= now.Now || d.Timers.FeeAssessedAt <= now.UnpaidSince
                    || d.Timers.InformationRequestedAt <= now.UnansweredSince || d.Timers.DecidedAt <= now.DecidedBefore)
                && !d.Id.IsOneOf(exclude))
            .Take(limit)
            .Select(d => new TimerRow { Id = d.Id, Timers = d.Timers });

    // A row's timers run one after the other: they decide on the same stream.
    private async ValueTask RunAsync(DueTimers now, TimerRow row, CancellationToken ct)
    {
        foreach (var timer in now.For(row.Id, row.Timers))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<IMessageBus>().InvokeAsync(timer, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogTimerFailed(logger, timer.GetType().Name, row.Id, e);
            }
        }
    }

    private static async Task<bool> AdvisoryAsync(NpgsqlConnection connection, string function, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand($"select {function}(@key)", connection);
        command.Parameters.AddWithValue("key", LockKey);
        return (bool)(await command.ExecuteScalarAsync(ct))!;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The timer sweep failed; it runs again at the next interval")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The {Timer} timer of request {RequestId} failed; the next sweep tries again")]
    private static partial void LogTimerFailed(ILogger logger, string timer, Guid requestId, Exception exception);
}

/// <summary>What the sweep reads of a request with a due timer: the request and its timers, not the whole row.</summary>
public sealed class TimerRow
{
    public Guid Id { get; set; }

    public RequestTimers Timers { get; set; } = new();
}
