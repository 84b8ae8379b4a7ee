using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using MyGovernment.Api.Identity;
using MyGovernment.Application.ServiceRequests;
using MyGovernment.Domain.ServiceRequests;
using Wolverine;
using Wolverine.Http;

namespace MyGovernment.Api.ServiceRequests;

public sealed record ProposeDecisionBody(long? ExpectedVersion, DecisionOutcome Outcome, string? ReasonCode, string Note) : IVersionedBody;

public static class ProposeDecisionEndpoint
{
    [Authorize(Roles = "officer,supervisor")]
    [WolverinePost("/api/service-requests/{id}/decision/propose", OperationId = "ProposeDecision")]
    [Tags("Service requests")]
    [EndpointSummary("Decide or propose a decision")]
    [EndpointDescription("The assignee decides (approve at the last step, or reject with a reason code); proposes where a second approver is required.")]
    public static Task<Ok<ServiceRequestChanged>> Post(
        Guid id, ProposeDecisionBody body, ClaimsPrincipal user, HttpRequest request, HttpResponse response, IMessageBus bus, CancellationToken ct) =>
        CommandResponses.SendAsync(bus, new ProposeDecision(id, CommandResponses.Expected(request, body), user.ToActor(), body.Outcome, body.ReasonCode, body.Note ?? ""), response, ct);
}
