using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using MyGovernment.Api.Identity;
using MyGovernment.Application.ServiceRequests;
using Wolverine;
using Wolverine.Http;

namespace MyGovernment.Api.ServiceRequests;

public sealed record CompleteStepBody(long? ExpectedVersion, string? Note) : IVersionedBody;

public static class CompleteStepEndpoint
{
    [Authorize(Roles = "officer,supervisor")]
    [WolverinePost("/api/service-requests/{id}/steps/complete", OperationId = "CompleteStep")]
    [Tags("Service requests")]
    [EndpointSummary("Complete the current workflow step")]
    [EndpointDescription("The assignee completes an intermediate step; the next department's queue receives the request.")]
    public static Task<Ok<ServiceRequestChanged>> Post(
        Guid id, CompleteStepBody body, ClaimsPrincipal user, HttpRequest request, HttpResponse response, IMessageBus bus, CancellationToken ct) =>
        CommandResponses.SendAsync(bus, new CompleteStep(id, CommandResponses.Expected(request, body), user.ToActor(), body.Note ?? ""), response, ct);
}
