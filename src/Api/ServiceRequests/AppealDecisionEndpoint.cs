using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using MyGovernment.Api.Identity;
using MyGovernment.Application.ServiceRequests;
using Wolverine;
using Wolverine.Http;

namespace MyGovernment.Api.ServiceRequests;

public sealed record AppealDecisionBody(long? ExpectedVersion, string Grounds) : IVersionedBody;

public static class AppealDecisionEndpoint
{
    [Authorize(Roles = "citizen")]
    [WolverinePost("/api/service-requests/{id}/appeal", OperationId = "AppealDecision")]
    [Tags("Service requests")]
    [EndpointSummary("Appeal a rejection")]
    [EndpointDescription("The applicant appeals a rejection within the appeal window.")]
    public static Task<Ok<ServiceRequestChanged>> Post(
        Guid id, AppealDecisionBody body, ClaimsPrincipal user, HttpRequest request, HttpResponse response, IMessageBus bus, CancellationToken ct) =>
        CommandResponses.SendAsync(bus, new AppealDecision(id, CommandResponses.Expected(request, body), user.ToActor(), body.Grounds ?? ""), response, ct);
}
