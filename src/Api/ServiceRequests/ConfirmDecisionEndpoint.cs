using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using MyGovernment.Api.Identity;
using MyGovernment.Application.ServiceRequests;
using Wolverine;
using Wolverine.Http;

namespace MyGovernment.Api.ServiceRequests;

public sealed record ConfirmDecisionBody(long? ExpectedVersion, string? Note) : IVersionedBody;

public static class ConfirmDecisionEndpoint
{
    [Authorize(Roles = "officer,supervisor")]
    [WolverinePost("/api/service-requests/{id}/decision/confirm", OperationId = "ConfirmDecision")]
    [Tags("Service requests")]
    [EndpointSummary("Confirm a proposed decision")]
    [EndpointDescription("A second officer or supervisor of the department confirms the proposed decision (never its proposer).")]
    public static Task<Ok<ServiceRequestChanged>> Post(
        Guid id, ConfirmDecisionBody body, ClaimsPrincipal user, HttpRequest request, HttpResponse response, IMessageBus bus, CancellationToken ct) =>
        CommandResponses.SendAsync(bus, new ConfirmDecision(id, CommandResponses.Expected(request, body), user.ToActor(), body.Note ?? ""), response, ct);
}
