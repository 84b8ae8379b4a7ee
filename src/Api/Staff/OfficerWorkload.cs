using Marten;
using MyGovernment.Application.Staff;
using MyGovernment.Domain.ServiceRequests;
using MyGovernment.Projections.ServiceRequests;

namespace MyGovernment.Api.Staff;

/// <summary>Counts each officer's open assignments in a department from the inline request read model.</summary>
public sealed class OfficerWorkload(IQuerySession session) : IOfficerWorkload
{
    private static readonly ServiceRequestStatus[] Open =
    [
        ServiceRequestStatus.InReview, ServiceRequestStatus.AwaitingApplicant, ServiceRequestStatus.Referred,
        ServiceRequestStatus.AwaitingApproval, ServiceRequestStatus.Reopened,
    ];

    public async Task<IReadOnlyDictionary<string, int>> OpenAssignmentsAsync(string departmentCode, CancellationToken ct)
    {
        var assigned = await session.Query<ServiceRequestDetails>()
            .Where(r => r.CurrentDepartment == departmentCode && r.AssignedTo != null && r.Status.IsOneOf(Open))
            .Select(r => r.AssignedTo!)
            .ToListAsync(ct);
        return assigned.GroupBy(o => o).ToDictionary(g => g.Key, g => g.Count());
    }
}
