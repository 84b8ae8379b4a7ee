using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using MyGovernment.Api.Identity;
using MyGovernment.Application.ServiceRequests;
using Wolverine;
using Wolverine.Http;

namespace MyGovernment.Api.ServiceRequests;

public sealed record RevokeDocumentBody(long? ExpectedVersion, string Reason) : IVersionedBody;

public static class RevokeDocumentEndpoint
{
    [Authorize(Roles = "supervisor")]
    [WolverinePost("/api/service-requests/{id}/revoke", OperationId = "RevokeDocument")]
    [Tags("Service requests")]
    [EndpointSummary("Revoke an issued document")]
    [EndpointDescription("A supervisor of the issuing department revokes the issued document.")]
    public static Task<Ok<ServiceRequestChanged>> Post(
        Guid id, RevokeDocumentBody body, ClaimsPrincipal user, HttpRequest request, HttpResponse response, IMessageBus bus, CancellationToken ct) =>
        CommandResponses.SendAsync(bus, new RevokeDocument(id, CommandResponses.Expected(request, body), user.ToActor(), body.Reason ?? ""), response, ct);
}
