using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using MyGovernment.Api.Identity;
using MyGovernment.Application.ServiceRequests;
using MyGovernment.Domain.ServiceRequests;
using Wolverine;
using Wolverine.Http;

namespace MyGovernment.Api.ServiceRequests;

/// <summary>The body a citizen sends. Who is applying is taken from the token, never from here.</summary>
public sealed record SubmitServiceRequestBody(string ServiceCode, Dictionary<string, string?>? Form);

public static class SubmitServiceRequestEndpoint
{
    [Authorize(Roles = Roles.Citizen)]
    [WolverinePost("/api/service-requests", OperationId = "SubmitServiceRequest")]
    [Tags("Service requests")]
    public static async Task<IResult> Post(SubmitServiceRequestBody body, ClaimsPrincipal user, IMessageBus bus, CancellationToken ct)
    {
        var command = new SubmitServiceRequest(
            Guid.CreateVersion7(), body.ServiceCode ?? "", user.ApplicantId(), user.Subject(), SubmissionChannel.Online,
            body.Form ?? []);
        var submitted = await bus.InvokeAsync<ServiceRequestSubmittedResponse>(command, ct);
        return Results.Created($"/api/service-requests/{submitted.RequestId}", submitted);
    }
}
