using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using MyGovernment.Api.Identity;
using MyGovernment.Application.ServiceRequests;
using Wolverine;
using Wolverine.Http;

namespace MyGovernment.Api.ServiceRequests;

public sealed record ReferServiceRequestBody(long? ExpectedVersion, string ToDepartment, string Reason) : IVersionedBody;

public static class ReferServiceRequestEndpoint
{
    [Authorize(Roles = "officer,supervisor")]
    [WolverinePost("/api/service-requests/{id}/referrals", OperationId = "ReferServiceRequest")]
    [Tags("Service requests")]
    [EndpointSummary("Refer a request to another department")]
    [EndpointDescription("The assignee refers the request to another department for its opinion.")]
    public static Task<Ok<ServiceRequestChanged>> Post(
        Guid id, ReferServiceRequestBody body, ClaimsPrincipal user, HttpRequest request, HttpResponse response, IMessageBus bus, CancellationToken ct) =>
        CommandResponses.SendAsync(bus, new ReferServiceRequest(id, CommandResponses.Expected(request, body), user.ToActor(), body.ToDepartment ?? "", body.Reason ?? ""), response, ct);
}
