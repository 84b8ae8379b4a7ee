using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using MyGovernment.Api.Identity;
using MyGovernment.Application.ServiceRequests;
using MyGovernment.Domain.Common;
using MyGovernment.Domain.ServiceRequests;
using Wolverine;
using Wolverine.Http;

namespace MyGovernment.Api.ServiceRequests;

public sealed record ReturnDecisionBody(long? ExpectedVersion, string Reason) : IVersionedBody;

public static class ReturnDecisionEndpoint
{
    /// <summary>The checker sends the proposed decision back to review.</summary>
    [Authorize(Roles = "officer,supervisor")]
    [WolverinePost("/api/service-requests/{id}/decision/return", OperationId = "ReturnDecision")]
    [Tags("Service requests")]
    public static Task<IResult> Post(
        Guid id, ReturnDecisionBody body, ClaimsPrincipal user, HttpRequest request, HttpResponse response, IMessageBus bus, CancellationToken ct) =>
        CommandEndpoint.SendAsync(bus, new ReturnDecision(id, CommandEndpoint.Expected(request, body), user.ToActor(), body.Reason ?? ""), response, ct);
}
