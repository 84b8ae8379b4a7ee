using Marten.Services.BatchQuerying;
using Microsoft.Extensions.Options;
using MyGovernment.Application.ServiceRequests;
using MyGovernment.Domain.Staff;

namespace MyGovernment.Application.Staff;

/// <summary>
/// Each officer's open assignments in a department: counted from the inline request read model, at most once per
/// <see cref="LifecycleOptions.WorkloadRefresh"/> on this node (<see cref="WorkloadSnapshots"/>).
/// </summary>
public sealed class OfficerWorkload(WorkloadSnapshots snapshots, TimeProvider clock, IOptions<LifecycleOptions> options) : IOfficerWorkload
{
    private static readonly Task<IReadOnlyDictionary<string, int>> Unused = Task.FromResult<IReadOnlyDictionary<string, int>>(new Dictionary<string, int>());

    public Task<IReadOnlyDictionary<string, int>> OpenAssignments(IBatchedQuery batch, string departmentCode)
    {
        // Only "least loaded" decides from the counts; round robin needs the roster and the cursor alone.
        if (options.Value.AssignmentPolicy != AssignmentPolicy.LeastLoaded)
        {
            return Unused;
        }
        var now = clock.GetUtcNow();
        if (snapshots.Fresh(departmentCode, now, options.Value.WorkloadRefresh) is { } known)
        {
            return Task.FromResult(known);
        }
        return CountAsync(batch.AddItem(new OpenAssignmentsQuery(departmentCode)), departmentCode, now);
    }

    public Task<AssignmentCursor> Cursor(IBatchedQuery batch, string departmentCode)
    {
        if (options.Value.AssignmentPolicy == AssignmentPolicy.RoundRobin)
        {
            return StoredCursorAsync(batch.Load<AssignmentCursor>(departmentCode), departmentCode);
        }
        // Least loaded only breaks ties with it: this node's own, so assignments in a busy department do not all
        // wait for one another on the one stored row.
        return Task.FromResult(new AssignmentCursor { Id = departmentCode, LastAssigned = snapshots.LastAssigned(departmentCode) });
    }

    public void Assigned(string departmentCode, string officerId) => snapshots.Assigned(departmentCode, officerId);

    private static async Task<AssignmentCursor> StoredCursorAsync(Task<AssignmentCursor?> stored, string departmentCode) =>
        await stored ?? new AssignmentCursor { Id = departmentCode };

    private async Task<IReadOnlyDictionary<string, int>> CountAsync(Task<IReadOnlyDictionary<string, int>> count, string departmentCode, DateTimeOffset startedAt)
    {
        var counts = await count;
        snapshots.Store(departmentCode, counts, startedAt);
        return counts;
    }
}
