using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using MyGovernment.Api.Identity;
using MyGovernment.Application.ServiceRequests;
using MyGovernment.Domain.Common;
using MyGovernment.Domain.ServiceRequests;
using Wolverine;
using Wolverine.Http;

namespace MyGovernment.Api.ServiceRequests;

public sealed record ReturnReferralBody(long? ExpectedVersion, string Opinion) : IVersionedBody;

public static class ReturnReferralEndpoint
{
    /// <summary>The consulted department returns the request with its opinion.</summary>
    [Authorize(Roles = "officer,supervisor")]
    [WolverinePost("/api/service-requests/{id}/referrals/return", OperationId = "ReturnReferral")]
    [Tags("Service requests")]
    public static Task<IResult> Post(
        Guid id, ReturnReferralBody body, ClaimsPrincipal user, HttpRequest request, HttpResponse response, IMessageBus bus, CancellationToken ct) =>
        CommandEndpoint.SendAsync(bus, new ReturnReferral(id, CommandEndpoint.Expected(request, body), user.ToActor(), body.Opinion ?? ""), response, ct);
}
