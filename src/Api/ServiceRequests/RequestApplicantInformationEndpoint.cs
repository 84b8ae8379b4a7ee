using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using MyGovernment.Api.Idempotency;
using MyGovernment.Api.Identity;
using MyGovernment.Application.ServiceRequests;
using Wolverine;
using Wolverine.Http;

namespace MyGovernment.Api.ServiceRequests;

public sealed record RequestApplicantInformationBody(long? ExpectedVersion, string Message) : IVersionedBody;

/// <summary>The id the applicant answers with (POST …/information-requests/{informationRequestId}/response).</summary>
public sealed record InformationRequestOpened(Guid InformationRequestId);

public static class RequestApplicantInformationEndpoint
{
    [Authorize(Roles = "officer,supervisor")]
    [WolverinePost("/api/service-requests/{id}/information-requests", OperationId = "RequestApplicantInformation")]
    [Tags("Service requests")]
    [EndpointSummary("Ask the applicant for information")]
    [EndpointDescription("The assignee asks the applicant for information; the SLA clock pauses. The response's Location names the request to answer.")]
    public static Task<Created<InformationRequestOpened>> Post(
        Guid id, RequestApplicantInformationBody body, ClaimsPrincipal user, HttpRequest request, HttpResponse response, IMessageBus bus, CancellationToken ct)
    {
        var command = new RequestApplicantInformation(id, CommandResponses.Expected(request, body), user.ToActor(), Guid.CreateVersion7(), body.Message ?? "");
        return IdempotentCommand.InvokeAsync<InformationRequestCreated, Created<InformationRequestOpened>>(request.HttpContext, bus, command, created =>
        {
            response.Headers.ETag = $"\"{created.Version}\"";
            return TypedResults.Created(
                $"/api/service-requests/{created.RequestId}/information-requests/{created.InformationRequestId}",
                new InformationRequestOpened(created.InformationRequestId));
        }, ct);
    }
}
