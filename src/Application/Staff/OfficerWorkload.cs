using Marten;
using Marten.Services.BatchQuerying;
using MyGovernment.Application.Staff;
using MyGovernment.Domain.ServiceRequests;
using MyGovernment.Projections.ServiceRequests;

namespace MyGovernment.Api.Staff;

/// <summary>Counts each officer's open assignments in a department from the inline request read model.</summary>
public sealed class OfficerWorkload : IOfficerWorkload
{
    private static readonly ServiceRequestStatus[] Open =
    [
        ServiceRequestStatus.InReview, ServiceRequestStatus.AwaitingApplicant, ServiceRequestStatus.Referred,
        ServiceRequestStatus.AwaitingApproval, ServiceRequestStatus.Reopened,
    ];

    public async Task<IReadOnlyDictionary<string, int>> OpenAssignments(IBatchedQuery batch, string departmentCode)
    {
        var assigned = await batch.Query<ServiceRequestDetails>()
            .Where(r => r.CurrentDepartment == departmentCode && r.AssignedTo != null && r.Status.IsOneOf(Open))
            .Select(r => r.AssignedTo!)
            .ToList();
        return assigned.GroupBy(o => o).ToDictionary(g => g.Key, g => g.Count());
    }
}
