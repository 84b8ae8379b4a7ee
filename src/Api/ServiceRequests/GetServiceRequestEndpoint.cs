using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using MyGovernment.Api.Identity;
using MyGovernment.Projections.ServiceRequests;
using Wolverine.Http;

namespace MyGovernment.Api.ServiceRequests;

public static class GetServiceRequestEndpoint
{
    /// <summary>
    /// The applicant sees their own request; staff see requests at their department's step (or referred to it); auditors see all.
    /// Anything else is 404, so the existence of someone else's request is not revealed.
    /// </summary>
    [Authorize]
    [WolverineGet("/api/service-requests/{id}", OperationId = "GetServiceRequest")]
    [Tags("Service requests")]
    public static async Task<IResult> Get(Guid id, ClaimsPrincipal user, IQuerySession session, HttpResponse response, CancellationToken ct)
    {
        var request = await session.LoadAsync<ServiceRequestDetails>(id, ct);
        if (request is null || !MayRead(user, request))
        {
            return Results.Problem(statusCode: 404, title: "Not found", detail: "No such service request.");
        }
        response.Headers.ETag = $"\"{request.Version}\"";
        return Results.Ok(request);
    }

    private static bool MayRead(ClaimsPrincipal user, ServiceRequestDetails request) =>
        (user.IsInRole(Roles.Citizen) && request.ApplicantId == user.ApplicantId())
        || user.IsStaffOf(request.CurrentDepartment)
        || user.IsStaffOf(request.ReferredTo)
        || user.IsInRole(Roles.Auditor);
}
