using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using MyGovernment.Api.Caching;
using MyGovernment.Api.Identity;
using MyGovernment.Api.OpenApi;
using MyGovernment.Application.AccessLog;
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
    [EndpointDescription(
        "The applicant, staff of a department on its workflow (or consulted on it) and auditors may read a request; anyone " +
        "else gets 404, so the existence of someone else's request is not revealed. The ETag is the stream version " +
        "(If-None-Match gives 304). Reads by anyone but the applicant are written to the applicant's access log.")]
    public static async Task<Results<Ok<ServiceRequestDetails>, StatusCodeHttpResult, ProblemHttpResult>> Get(
        Guid id, ClaimsPrincipal user, IDocumentSession session, HttpRequest request, HttpResponse response, TimeProvider clock, CancellationToken ct)
    {
        var details = await session.LoadAsync<ServiceRequestDetails>(id, ct);
        if (details is null || !RequestVisibility.MayRead(user, details))
        {
            return RequestVisibility.NotFound();
        }
        await AccessRecorder.RecordAsync(session, user.ToActor(), details, "request-details", clock, ct);
        return ETags.NotModified(request, response, details.Version) ? TypedResults.StatusCode(StatusCodes.Status304NotModified) : TypedResults.Ok(details);
    }
}
