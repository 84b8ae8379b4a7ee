using Marten;
using MyGovernment.Domain.Staff;

namespace MyGovernment.Application.Staff;

/// <summary>What an automatic assignment in a department decides from: its roster, its officers' open assignments and the round-robin cursor.</summary>
public sealed record AssignmentInputs(DepartmentRoster? Roster, IReadOnlyDictionary<string, int> Loads, AssignmentCursor Cursor)
{
    /// <summary>
    /// All three in one round trip, not three: this runs for every request that enters a queue, inside the
    /// transaction of the command that put it there.
    /// </summary>
    public static async Task<AssignmentInputs> LoadAsync(IDocumentSession session, IOfficerWorkload workload, string department, CancellationToken ct)
    {
        var batch = session.CreateBatchQuery();
        var roster = batch.Events.FetchLatest<DepartmentRoster>(DepartmentRoster.StreamId(department));
        var loads = workload.OpenAssignments(batch, department);
        var cursor = batch.Load<AssignmentCursor>(department);
        await batch.Execute(ct);
        return new AssignmentInputs(await roster, await loads, await cursor ?? new AssignmentCursor { Id = department });
    }
}
