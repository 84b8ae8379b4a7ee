using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using MyGovernment.Api.Identity;
using MyGovernment.Api.Paging;
using MyGovernment.Domain.ServiceRequests;
using MyGovernment.Projections.ServiceRequests;
using Wolverine.Http;

namespace MyGovernment.Api.ServiceRequests;

public static class MyAssignmentsEndpoint
{
    /// <summary>The open requests assigned to me, in the queue's own order (first come, first served).</summary>
    [Authorize(Roles = "officer,supervisor")]
    [WolverineGet("/api/me/assignments", OperationId = "ListMyAssignments")]
    [Tags("Officers")]
    [EndpointSummary("List my assignments")]
    [EndpointDescription(
        "The open requests assigned to me, first come first served (by when their step's queue received them), with SLA due dates " +
        "and flags, keyset paged (limit 1-100, after). Filters: status, service, overdue.")]
    public static Task<Page<QueueItem>> Get(
        ClaimsPrincipal user, IQuerySession session, ServiceRequestStatus? status, string? service, bool? overdue, string? after, int? limit,
        CancellationToken ct)
    {
        var me = user.Subject();
        var query = session.Query<ServiceRequestDetails>().Where(DepartmentQueueEndpoint.IsOpenWith(me));
        query = DepartmentQueueEndpoint.Filter(query, status, service, overdue);
        return KeysetPaging.PageAsync(query, DepartmentQueueEndpoint.FirstComeFirstServed, after, limit, DepartmentQueueEndpoint.ToItem, ct);
    }
}
