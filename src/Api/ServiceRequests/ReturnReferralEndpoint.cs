using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using MyGovernment.Api.Identity;
using MyGovernment.Application.ServiceRequests;
using Wolverine;
using Wolverine.Http;

namespace MyGovernment.Api.ServiceRequests;

public sealed record ReturnReferralBody(long? ExpectedVersion, string Opinion) : IVersionedBody;

public static class ReturnReferralEndpoint
{
    [Authorize(Roles = "officer,supervisor")]
    [WolverinePost("/api/service-requests/{id}/referrals/return", OperationId = "ReturnReferral")]
    [Tags("Service requests")]
    [EndpointSummary("Return a referred request with an opinion")]
    [EndpointDescription("The consulted department returns the request with its opinion.")]
    public static Task<Ok<ServiceRequestChanged>> Post(
        Guid id, ReturnReferralBody body, ClaimsPrincipal user, HttpRequest request, HttpResponse response, IMessageBus bus, CancellationToken ct) =>
        CommandResponses.SendAsync(bus, new ReturnReferral(id, CommandResponses.Expected(request, body), user.ToActor(), body.Opinion ?? ""), response, ct);
}
