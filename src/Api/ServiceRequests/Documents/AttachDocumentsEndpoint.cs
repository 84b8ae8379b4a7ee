using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using MyGovernment.Api.Identity;
using MyGovernment.Application.ServiceRequests;
using MyGovernment.Application.ServiceRequests.Documents;
using MyGovernment.Domain.ServiceRequests;
using Wolverine;
using Wolverine.Http;

namespace MyGovernment.Api.ServiceRequests.Documents;

public sealed record AttachDocumentsBody(long? ExpectedVersion, List<DocumentReference>? Documents) : IVersionedBody;

public static class AttachDocumentsEndpoint
{
    private const string Description =
        "The applicant, or the officer who submitted the request at a service centre, attaches uploaded documents (metadata and " +
        "SHA-256 of files uploaded first with POST /api/documents). A documentType equal to a required document's code supplies " +
        "it, and replaces a referenced document that was revoked.";

    [Authorize(Roles = "citizen,officer,supervisor")]
    [WolverinePost("/api/service-requests/{id}/documents", OperationId = "AttachDocuments")]
    [Tags("Service requests")]
    [EndpointSummary("Attach uploaded documents to a request")]
    [EndpointDescription(Description)]
    public static Task<Ok<ServiceRequestChanged>> Post(
        Guid id, AttachDocumentsBody body, ClaimsPrincipal user, HttpRequest request, HttpResponse response, IMessageBus bus, CancellationToken ct) =>
        CommandResponses.SendAsync(bus, new AttachDocuments(id, CommandResponses.Expected(request, body), user.ToActor(), body.Documents ?? []), response, ct);
}
