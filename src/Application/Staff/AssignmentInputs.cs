using Marten;
using Marten.Services.BatchQuerying;
using MyGovernment.Application.Catalog;
using MyGovernment.Domain.Staff;

namespace MyGovernment.Application.Staff;

/// <summary>
/// What an automatic assignment in a department decides from: its roster, its officers' open assignments and the
/// round-robin cursor (whose id is the department); <see cref="Workload"/> learns the decision.
/// </summary>
public sealed record AssignmentInputs(DepartmentRoster? Roster, IReadOnlyDictionary<string, int> Loads, AssignmentCursor Cursor)
{
    public IOfficerWorkload? Workload { get; init; }

    /// <summary>
    /// All three in one round trip (fewer reads when this node already knows the workload and cursor), not three:
    /// this runs for every request that enters a queue, inside the transaction of the command that put it there.
    /// </summary>
    public static async Task<AssignmentInputs> LoadAsync(
        IDocumentSession session, CatalogSnapshots snapshots, IOfficerWorkload workload, string department, CancellationToken ct)
    {
        var batch = session.CreateBatchQuery();
        var queued = Queue(batch, workload, department);
        await batch.Execute(ct);
        return await queued.ResolveAsync(session, snapshots, ct);
    }

    /// <summary>
    /// Adds the reads to a caller's batch: the roster's stream version (in the caller's own <paramref name="versions"/>
    /// query when it has one, see <see cref="StreamVersionsQuery"/>), the workload and the cursor. Resolve them once
    /// the batch has run.
    /// </summary>
    public static QueuedAssignmentInputs Queue(
        IBatchedQuery batch, IOfficerWorkload workload, string department, Task<IReadOnlyDictionary<Guid, long>>? versions = null) =>
        new(department,
            versions ?? batch.AddItem(new StreamVersionsQuery(DepartmentRoster.StreamId(department))),
            workload.OpenAssignments(batch, department),
            workload.Cursor(batch, department),
            workload);
}

/// <summary>The reads of <see cref="AssignmentInputs"/> queued in a batch, for one department.</summary>
public sealed record QueuedAssignmentInputs(
    string Department, Task<IReadOnlyDictionary<Guid, long>> Versions, Task<IReadOnlyDictionary<string, int>> Loads,
    Task<AssignmentCursor> Cursor, IOfficerWorkload Workload)
{
    /// <summary>
    /// Only after the batch has run (the session is free again): the roster comes from <see cref="CatalogSnapshots"/> at
    /// the version read, folded in a round trip of its own only when the roster changed since this node last folded it.
    /// </summary>
    public async Task<AssignmentInputs> ResolveAsync(IQuerySession session, CatalogSnapshots snapshots, CancellationToken ct)
    {
        var version = (await Versions).TryGetValue(DepartmentRoster.StreamId(Department), out var read) ? read : (long?)null;
        var roster = await snapshots.RosterAsync(session, Department, version, ct);
        return new AssignmentInputs(roster, await Loads, await Cursor) { Workload = Workload };
    }
}

/// <summary>
/// Assignment inputs read ahead, in the submission's first round trip, for the department the service's first step
/// had when this node last folded it; used only if the request really enters that department. <paramref name="Resolve"/>
/// finishes them (<see cref="QueuedAssignmentInputs.ResolveAsync"/>) once the batch that read them has run.
/// </summary>
public sealed record PrefetchedAssignment(string? Department, Func<Task<AssignmentInputs>>? Resolve)
{
    public static readonly PrefetchedAssignment None = new(null, null);

    /// <summary>Queues the inputs' reads for <paramref name="department"/> in the caller's batch (see <see cref="AssignmentInputs.Queue"/>).</summary>
    public static PrefetchedAssignment Queue(
        IBatchedQuery batch, IQuerySession session, CatalogSnapshots snapshots, IOfficerWorkload workload, string department,
        CancellationToken ct, Task<IReadOnlyDictionary<Guid, long>>? versions = null)
    {
        var queued = AssignmentInputs.Queue(batch, workload, department, versions);
        return new(department, () => queued.ResolveAsync(session, snapshots, ct));
    }

    /// <summary>The inputs for <paramref name="department"/> when they were read ahead, else <paramref name="load"/>'s own round trip.</summary>
    public Task<AssignmentInputs> ForAsync(string department, Func<Task<AssignmentInputs>> load) =>
        Resolve is not null && string.Equals(Department, department, StringComparison.Ordinal) ? Resolve() : load();
}
