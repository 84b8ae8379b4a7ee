using Marten;
using Marten.Services.BatchQuerying;
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
    public static async Task<AssignmentInputs> LoadAsync(IDocumentSession session, IOfficerWorkload workload, string department, CancellationToken ct)
    {
        var batch = session.CreateBatchQuery();
        var inputs = Queue(batch, workload, department);
        await batch.Execute(ct);
        return await inputs;
    }

    /// <summary>Adds the three reads to a caller's batch; the task completes once that batch has run.</summary>
    public static async Task<AssignmentInputs> Queue(IBatchedQuery batch, IOfficerWorkload workload, string department)
    {
        var roster = batch.Events.FetchLatest<DepartmentRoster>(DepartmentRoster.StreamId(department));
        var loads = workload.OpenAssignments(batch, department);
        var cursor = workload.Cursor(batch, department);
        return new AssignmentInputs(await roster, await loads, await cursor) { Workload = workload };
    }
}

/// <summary>
/// Assignment inputs read ahead, in the submission's first round trip, for the department the service's first step
/// had when this node last folded it; used only if the request really enters that department.
/// </summary>
public sealed record PrefetchedAssignment(string? Department, Task<AssignmentInputs>? Inputs)
{
    public static readonly PrefetchedAssignment None = new(null, null);

    /// <summary>The inputs for <paramref name="department"/> when they were read ahead, else <paramref name="load"/>'s own round trip.</summary>
    public Task<AssignmentInputs> ForAsync(string department, Func<Task<AssignmentInputs>> load) =>
        Inputs is not null && string.Equals(Department, department, StringComparison.Ordinal) ? Inputs : load();
}
