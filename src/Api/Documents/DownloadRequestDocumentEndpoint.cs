using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using MyGovernment.Api.Identity;
using MyGovernment.Api.OpenApi;
using MyGovernment.Api.ServiceRequests;
using MyGovernment.Application.AccessLog;
using MyGovernment.Application.Documents;
using MyGovernment.Domain.ServiceRequests;
using MyGovernment.Projections.ServiceRequests;
using Wolverine.Http;

namespace MyGovernment.Api.Documents;

public static class DownloadRequestDocumentEndpoint
{
    [Authorize]
    [WolverineGet("/api/service-requests/{id}/documents/{sha256}", OperationId = "DownloadRequestDocument")]
    [Tags("Documents")]
    [ProducesETag]
    [Microsoft.AspNetCore.Mvc.ProducesResponseType(typeof(Stream), StatusCodes.Status200OK, "application/pdf", "image/jpeg", "image/png")]
    [EndpointSummary("Download a document of a request")]
    [EndpointDescription(
        "The content of a document the applicant supplied with this request (referenced by SHA-256 in one of its events), " +
        "as an attachment with its stored content type; the ETag is the hash. For whoever may read the request (the " +
        "applicant, staff of its departments, auditors); anyone else, or a hash the request does not reference, gets 404. " +
        "Reads by anyone but the applicant are written to the applicant's access log.")]
    public static async Task<IResult> Get(
        Guid id, string sha256, ClaimsPrincipal user, HttpContext http, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var details = await session.LoadAsync<ServiceRequestDetails>(id, ct);
        if (details is null || !RequestVisibility.MayRead(user, details))
        {
            return RequestVisibility.NotFound();
        }
        // The event is the authority: the request references this hash, and the applicant who answered owns the upload.
        var events = await session.Events.FetchStreamAsync(id, token: ct);
        var reference = events.Select(e => e.Data).OfType<ApplicantResponded>()
            .SelectMany(r => r.Documents.Select(d => (r.By.Subject, Document: d)))
            .LastOrDefault(x => x.Document.Sha256 == sha256);
        if (reference.Document is null || await StoredDocumentFile.FindAsync(session, reference.Subject, sha256, ct) is not { } stored)
        {
            return DocumentNotFound();
        }
        await AccessRecorder.RecordAsync(session, user.ToActor(), details, "request-document", clock, ct);
        return DocumentDownload.Download(http, session, reference.Subject, sha256, stored, reference.Document.FileName);
    }

    public static IResult DocumentNotFound() =>
        TypedResults.Problem(statusCode: 404, title: "Not found", detail: "This request has no document with that SHA-256.",
            extensions: new Dictionary<string, object?> { ["code"] = "document_not_found" });
}
