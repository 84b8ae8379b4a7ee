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
        var resolve = Queue(batch, session, snapshots, workload, department, ct);
        await batch.Execute(ct);
        return await resolve();
    }

    /// <summary>
    /// Adds the reads to a caller's batch: the roster's stream version (in the caller's own <paramref name="versions"/>
    /// query when it has one, see <see cref="StreamVersionsQuery"/>), the workload and the cursor. The function it
    /// returns is to be called once the batch has run, as the session is free again by then: the roster comes from
    /// <see cref="CatalogSnapshots"/> at the version read, folded in a round trip of its own only when it changed since
    /// this node last folded it.
    /// </summary>
    public static Func<Task<AssignmentInputs>> Queue(
        IBatchedQuery batch, IQuerySession session, CatalogSnapshots snapshots, IOfficerWorkload workload, string department,
        CancellationToken ct, Task<StreamVersions>? versions = null)
    {
        var rosterId = DepartmentRoster.StreamId(department);
        var rosterVersion = versions ?? batch.AddItem(new StreamVersionsQuery(rosterId));
        var loads = workload.OpenAssignments(batch, department);
        var cursor = workload.Cursor(batch, department);
        return async () => new AssignmentInputs(
            await snapshots.RosterAsync(session, department, (await rosterVersion).Of(rosterId), ct), await loads, await cursor) { Workload = workload };
    }
}

/// <summary>
/// Assignment inputs read ahead, in the submission's first round trip, for the department the service's first step
/// had when this node last folded it; used only if the request really enters that department. <paramref name="Resolve"/>
/// finishes them (<see cref="AssignmentInputs.Queue"/>) once the batch that read them has run.
/// </summary>
public sealed record PrefetchedAssignment(string? Department, Func<Task<AssignmentInputs>>? Resolve)
{
    public static readonly PrefetchedAssignment None = new(null, null);

    /// <summary>The inputs for <paramref name="department"/> when they were read ahead, else <paramref name="load"/>'s own round trip.</summary>
    public Task<AssignmentInputs> ForAsync(string department, Func<Task<AssignmentInputs>> load) =>
        Resolve is not null && string.Equals(Department, department, StringComparison.Ordinal) ? Resolve() : load();
}
