using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using MyGovernment.Api.Identity;
using MyGovernment.Application.ServiceRequests;
using Wolverine;
using Wolverine.Http;

namespace MyGovernment.Api.ServiceRequests;

public sealed record ReturnDecisionBody(long? ExpectedVersion, string Reason) : IVersionedBody;

public static class ReturnDecisionEndpoint
{
    [Authorize(Roles = "officer,supervisor")]
    [WolverinePost("/api/service-requests/{id}/decision/return", OperationId = "ReturnDecision")]
    [Tags("Service requests")]
    [EndpointSummary("Return a proposed decision to review")]
    [EndpointDescription("The checker sends the proposed decision back to review.")]
    public static Task<Ok<ServiceRequestChanged>> Post(
        Guid id, ReturnDecisionBody body, ClaimsPrincipal user, HttpRequest request, HttpResponse response, IMessageBus bus, CancellationToken ct) =>
        CommandResponses.SendAsync(bus, new ReturnDecision(id, CommandResponses.Expected(request, body), user.ToActor(), body.Reason ?? ""), response, ct);
}
