using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using MyGovernment.Api.Identity;
using MyGovernment.Api.OpenApi;
using MyGovernment.Projections.ServiceRequests;
using Wolverine.Http;

namespace MyGovernment.Api.ServiceRequests;

public static class GetServiceRequestEndpoint
{
    [Authorize]
    [WolverineGet("/api/service-requests/{id}", OperationId = "GetServiceRequest")]
    [Tags("Service requests")]
    [ProducesETag]
    [EndpointSummary("Read a service request")]
    [EndpointDescription("The applicant sees their own request; staff see requests at their department's step; auditors see all. Anything else is 404, so the existence of someone else's request is not revealed.")]
    public static async Task<Results<Ok<ServiceRequestDetails>, ProblemHttpResult>> Get(Guid id, ClaimsPrincipal user, IQuerySession session, HttpResponse response, CancellationToken ct)
    {
        var request = await session.LoadAsync<ServiceRequestDetails>(id, ct);
        if (request is null || !MayRead(user, request))
        {
            return TypedResults.Problem(statusCode: 404, title: "Not found", detail: "No such service request.");
        }
        response.Headers.ETag = $"\"{request.Version}\"";
        return TypedResults.Ok(request);
    }

    private static bool MayRead(ClaimsPrincipal user, ServiceRequestDetails request) =>
        (user.IsInRole(Roles.Citizen) && request.ApplicantId == user.ApplicantId())
        || user.IsStaffOf(request.CurrentDepartment)
        || user.IsInRole(Roles.Auditor);
}
