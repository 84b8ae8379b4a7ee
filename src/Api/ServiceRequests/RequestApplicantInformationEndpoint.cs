using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using MyGovernment.Api.Idempotency;
using MyGovernment.Api.Identity;
using MyGovernment.Application.ServiceRequests;
using Wolverine;
using Wolverine.Http;

namespace MyGovernment.Api.ServiceRequests;

public sealed record RequestApplicantInformationBody(long? ExpectedVersion, string Message) : IVersionedBody;

public static class RequestApplicantInformationEndpoint
{
    /// <summary>The assignee asks the applicant for information; the SLA clock pauses. The response's Location names the request to answer.</summary>
    [Authorize(Roles = "officer,supervisor")]
    [WolverinePost("/api/service-requests/{id}/information-requests", OperationId = "RequestApplicantInformation")]
    [Tags("Service requests")]
    public static Task<IResult> Post(
        Guid id, RequestApplicantInformationBody body, ClaimsPrincipal user, HttpRequest request, HttpResponse response, IMessageBus bus, CancellationToken ct)
    {
        var command = new RequestApplicantInformation(id, CommandEndpoint.Expected(request, body), user.ToActor(), Guid.CreateVersion7(), body.Message ?? "");
        return IdempotentCommand.InvokeAsync<InformationRequestCreated>(request.HttpContext, bus, command, created =>
        {
            response.Headers.ETag = $"\"{created.Version}\"";
            return Results.Created(
                $"/api/service-requests/{created.RequestId}/information-requests/{created.InformationRequestId}",
                new { informationRequestId = created.InformationRequestId });
        }, ct);
    }
}
