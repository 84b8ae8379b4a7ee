using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using MyGovernment.Api.Identity;
using MyGovernment.Domain.ServiceRequests;
using MyGovernment.Projections.ServiceRequests;
using Wolverine.Http;

namespace MyGovernment.Api.ServiceRequests;

public static class MyAssignmentsEndpoint
{
    /// <summary>The open requests assigned to me, oldest in my hands first.</summary>
    [Authorize(Roles = "officer,supervisor")]
    [WolverineGet("/api/me/assignments", OperationId = "ListMyAssignments")]
    [Tags("Officers")]
    [EndpointSummary("List my assignments")]
    [EndpointDescription("List my assignments")]
    public static async Task<IReadOnlyList<QueueItem>> Get(ClaimsPrincipal user, IQuerySession session, CancellationToken ct)
    {
        var me = user.Subject();
        var rows = await session.Query<ServiceRequestDetails>()
            .Where(r => r.AssignedTo == me && !r.Status.IsOneOf(ServiceRequestStatuses.Finished))
            .OrderBy(r => r.QueuedAt)
            .Take(500)
            .ToListAsync(ct);
        return [.. rows.Select(DepartmentQueueEndpoint.ToItem)];
    }
}
