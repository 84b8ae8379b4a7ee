using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using MyGovernment.Api.Identity;
using MyGovernment.Application.ServiceRequests;
using Wolverine;
using Wolverine.Http;

namespace MyGovernment.Api.ServiceRequests;

public sealed record WithdrawServiceRequestBody(long? ExpectedVersion, string? Reason) : IVersionedBody;

public static class WithdrawServiceRequestEndpoint
{
    [Authorize(Roles = "citizen")]
    [WolverinePost("/api/service-requests/{id}/withdraw", OperationId = "WithdrawServiceRequest")]
    [Tags("Service requests")]
    [EndpointSummary("Withdraw a request")]
    [EndpointDescription("The applicant withdraws the request before a decision.")]
    public static Task<Ok<ServiceRequestChanged>> Post(
        Guid id, WithdrawServiceRequestBody body, ClaimsPrincipal user, HttpRequest request, HttpResponse response, IMessageBus bus, CancellationToken ct) =>
        CommandResponses.SendAsync(bus, new WithdrawServiceRequest(id, CommandResponses.Expected(request, body), user.ToActor(), body.Reason ?? ""), response, ct);
}
