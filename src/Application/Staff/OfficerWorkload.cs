using Marten.Services.BatchQuerying;

namespace MyGovernment.Application.Staff;

/// <summary>Counts each officer's open assignments in a department from the inline request read model.</summary>
public sealed class OfficerWorkload : IOfficerWorkload
{
    public Task<IReadOnlyDictionary<string, int>> OpenAssignments(IBatchedQuery batch, string departmentCode) =>
        batch.AddItem(new OpenAssignmentsQuery(departmentCode));
}
