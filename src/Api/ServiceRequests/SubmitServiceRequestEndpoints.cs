using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using MyGovernment.Api.Idempotency;
using MyGovernment.Api.Identity;
using MyGovernment.Application.ServiceRequests;
using MyGovernment.Domain.Common;
using MyGovernment.Domain.ServiceRequests;
using Wolverine;
using Wolverine.Http;

namespace MyGovernment.Api.ServiceRequests;

/// <summary>The body a citizen sends. Who is applying is taken from the token, never from here.</summary>
public sealed record SubmitServiceRequestBody(string ServiceCode, Dictionary<string, string?>? Form);

/// <summary>An officer at a service centre submits for a citizen who has no smartphone or connection.</summary>
public sealed record SubmitAssistedServiceRequestBody(string ApplicantNationalId, string ServiceCode, Dictionary<string, string?>? Form);

public static class SubmitServiceRequestEndpoints
{
    [Authorize(Roles = Roles.Citizen)]
    [WolverinePost("/api/service-requests", OperationId = "SubmitServiceRequest")]
    [Tags("Service requests")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [EndpointSummary("Submit a service request")]
    [EndpointDescription("A citizen applies for a published service with its form. The applicant is the token's national ID, never the body. Answers 201 with the new request's Location; a paid service then waits for its fee.")]
    public static Task<Created<ServiceRequestSubmittedResponse>> Post(SubmitServiceRequestBody body, HttpContext http, IMessageBus bus, CancellationToken ct) =>
        SubmitAsync(http, bus, body.ServiceCode, http.User.ApplicantId(), SubmissionChannel.Online, body.Form, ct);

    [Authorize(Roles = "officer,supervisor")]
    [WolverinePost("/api/assisted/service-requests", OperationId = "SubmitAssistedServiceRequest")]
    [Tags("Service requests")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [EndpointSummary("Submit a request on a citizen's behalf")]
    [EndpointDescription("The assisted channel: recorded on the request, and the submitting officer may not handle or decide it.")]
    public static Task<Created<ServiceRequestSubmittedResponse>> PostAssisted(SubmitAssistedServiceRequestBody body, HttpContext http, IMessageBus bus, CancellationToken ct) =>
        SubmitAsync(http, bus, body.ServiceCode, NationalId.Normalise(body.ApplicantNationalId) ?? "", SubmissionChannel.Assisted, body.Form, ct);

    private static Task<Created<ServiceRequestSubmittedResponse>> SubmitAsync(
        HttpContext http, IMessageBus bus, string? serviceCode, string applicantId, SubmissionChannel channel, Dictionary<string, string?>? form, CancellationToken ct)
    {
        var command = new SubmitServiceRequest(Guid.CreateVersion7(), serviceCode ?? "", applicantId, http.User.ToActor(), channel, form ?? []);
        return IdempotentCommand.InvokeAsync<ServiceRequestSubmittedResponse, Created<ServiceRequestSubmittedResponse>>(
            http, bus, command, submitted => TypedResults.Created($"/api/service-requests/{submitted.RequestId}", submitted), ct);
    }
}
