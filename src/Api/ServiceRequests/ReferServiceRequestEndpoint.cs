using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using MyGovernment.Api.Identity;
using MyGovernment.Application.ServiceRequests;
using MyGovernment.Domain.Common;
using MyGovernment.Domain.ServiceRequests;
using Wolverine;
using Wolverine.Http;

namespace MyGovernment.Api.ServiceRequests;

public sealed record ReferServiceRequestBody(long? ExpectedVersion, string ToDepartment, string Reason) : IVersionedBody;

public static class ReferServiceRequestEndpoint
{
    /// <summary>The assignee refers the request to another department for its opinion.</summary>
    [Authorize(Roles = "officer,supervisor")]
    [WolverinePost("/api/service-requests/{id}/referrals", OperationId = "ReferServiceRequest")]
    [Tags("Service requests")]
    public static Task<IResult> Post(
        Guid id, ReferServiceRequestBody body, ClaimsPrincipal user, HttpRequest request, HttpResponse response, IMessageBus bus, CancellationToken ct) =>
        CommandEndpoint.SendAsync(bus, new ReferServiceRequest(id, CommandEndpoint.Expected(request, body), user.ToActor(), body.ToDepartment ?? "", body.Reason ?? ""), response, ct);
}
