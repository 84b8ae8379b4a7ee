using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using MyGovernment.Api.Identity;
using MyGovernment.Application.ServiceRequests;
using Wolverine;
using Wolverine.Http;

namespace MyGovernment.Api.ServiceRequests;

public sealed record AssignServiceRequestBody(long? ExpectedVersion, string OfficerId) : IVersionedBody;

public static class AssignServiceRequestEndpoint
{
    [Authorize(Roles = "supervisor")]
    [WolverinePost("/api/service-requests/{id}/assign", OperationId = "AssignServiceRequest")]
    [Tags("Service requests")]
    [EndpointSummary("Assign a request to an officer")]
    [EndpointDescription("A supervisor assigns the request to an officer of the department.")]
    public static Task<Ok<ServiceRequestChanged>> Post(
        Guid id, AssignServiceRequestBody body, ClaimsPrincipal user, HttpRequest request, HttpResponse response, IMessageBus bus, CancellationToken ct) =>
        CommandResponses.SendAsync(bus, new AssignServiceRequest(id, CommandResponses.Expected(request, body), user.ToActor(), body.OfficerId ?? ""), response, ct);
}
