using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using MyGovernment.Api.Identity;
using MyGovernment.Application.ServiceRequests;
using MyGovernment.Domain.ServiceRequests;
using Wolverine;
using Wolverine.Http;

namespace MyGovernment.Api.ServiceRequests;

public sealed record RespondToInformationRequestBody(long? ExpectedVersion, string Message, List<DocumentReference>? Documents) : IVersionedBody;

public static class RespondToInformationRequestEndpoint
{
    [Authorize(Roles = Roles.Citizen)]
    [WolverinePost("/api/service-requests/{id}/information-requests/{informationRequestId}/response", OperationId = "RespondToInformationRequest")]
    [Tags("Service requests")]
    [EndpointSummary("Answer an information request")]
    [EndpointDescription("The applicant answers an information request with a message and document references (metadata and SHA-256).")]
    public static Task<Ok<ServiceRequestChanged>> Post(
        Guid id, Guid informationRequestId, RespondToInformationRequestBody body, ClaimsPrincipal user, HttpRequest request, HttpResponse response,
        IMessageBus bus, CancellationToken ct) =>
        CommandResponses.SendAsync(bus, new RespondToInformationRequest(
            id, CommandResponses.Expected(request, body), user.ToActor(), informationRequestId, body.Message ?? "", body.Documents ?? []), response, ct);
}
