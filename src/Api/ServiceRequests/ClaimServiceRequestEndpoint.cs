using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using MyGovernment.Api.Identity;
using MyGovernment.Application.ServiceRequests;
using Wolverine;
using Wolverine.Http;

namespace MyGovernment.Api.ServiceRequests;

public sealed record ClaimServiceRequestBody(long? ExpectedVersion) : IVersionedBody;

public static class ClaimServiceRequestEndpoint
{
    [Authorize(Roles = "officer,supervisor")]
    [WolverinePost("/api/service-requests/{id}/claim", OperationId = "ClaimServiceRequest")]
    [Tags("Service requests")]
    [EndpointSummary("Claim a request")]
    [EndpointDescription("An officer of the current step's department takes the request.")]
    public static Task<Ok<ServiceRequestChanged>> Post(
        Guid id, ClaimServiceRequestBody body, ClaimsPrincipal user, HttpRequest request, HttpResponse response, IMessageBus bus, CancellationToken ct) =>
        CommandResponses.SendAsync(bus, new ClaimServiceRequest(id, CommandResponses.Expected(request, body), user.ToActor()), response, ct);
}
