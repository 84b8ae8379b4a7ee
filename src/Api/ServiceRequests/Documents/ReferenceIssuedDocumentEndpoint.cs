using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using MyGovernment.Api.Identity;
using MyGovernment.Application.ServiceRequests;
using MyGovernment.Application.ServiceRequests.Documents;
using Wolverine;
using Wolverine.Http;

namespace MyGovernment.Api.ServiceRequests.Documents;

public sealed record ReferenceIssuedDocumentBody(long? ExpectedVersion, string? DocumentCode, string? VerificationCode) : IVersionedBody;

public static class ReferenceIssuedDocumentEndpoint
{
    private const string Description =
        "Tell us once: instead of uploading a required document that the government issued, the applicant (or the officer who " +
        "submitted at a service centre) gives its verification code. It is checked at once and the check is recorded on the " +
        "request; a failed check is a 422 naming the reason: reference_not_found, reference_wrong_document, reference_revoked, " +
        "reference_not_holder, reference_expired, document_not_required, document_not_referenceable.";

    [Authorize(Roles = "citizen,officer,supervisor")]
    [WolverinePost("/api/service-requests/{id}/document-references", OperationId = "ReferenceIssuedDocument")]
    [Tags("Service requests")]
    [EndpointSummary("Reference an issued document for a required document")]
    [EndpointDescription(Description)]
    public static Task<Ok<ServiceRequestChanged>> Post(
        Guid id, ReferenceIssuedDocumentBody body, ClaimsPrincipal user, HttpRequest request, HttpResponse response, IMessageBus bus,
        CancellationToken ct) =>
        CommandResponses.SendAsync(bus, new ReferenceIssuedDocument(
            id, CommandResponses.Expected(request, body), user.ToActor(), body.DocumentCode ?? "", body.VerificationCode ?? ""), response, ct);
}
