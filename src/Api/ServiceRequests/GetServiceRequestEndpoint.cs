using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using MyGovernment.Api.AccessLog;
using MyGovernment.Projections.ServiceRequests;
using Wolverine.Http;

namespace MyGovernment.Api.ServiceRequests;

public static class GetServiceRequestEndpoint
{
    /// <summary>
    /// A request's details with its version as the ETag (If-None-Match gives 304). Reads by anyone but the
    /// applicant are written to the applicant's access log.
    /// </summary>
    [Authorize]
    [WolverineGet("/api/service-requests/{id}", OperationId = "GetServiceRequest")]
    [Tags("Service requests")]
    public static async Task<IResult> Get(
        Guid id, ClaimsPrincipal user, IDocumentSession session, HttpRequest request, HttpResponse response, TimeProvider clock, CancellationToken ct)
    {
        var details = await session.LoadAsync<ServiceRequestDetails>(id, ct);
        if (details is null || !RequestVisibility.MayRead(user, details))
        {
            return RequestVisibility.NotFound();
        }
        await AccessRecorder.RecordAsync(session, user, details, "request-details", clock, ct);
        var etag = $"\"{details.Version}\"";
        response.Headers.ETag = etag;
        return request.Headers.IfNoneMatch.ToString() == etag ? Results.StatusCode(StatusCodes.Status304NotModified) : Results.Ok(details);
    }
}
