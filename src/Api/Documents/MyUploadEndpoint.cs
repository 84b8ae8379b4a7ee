using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using MyGovernment.Api.Identity;
using MyGovernment.Api.OpenApi;
using MyGovernment.Application.Documents;
using Wolverine.Http;

namespace MyGovernment.Api.Documents;

public static class MyUploadEndpoint
{
    /// <summary>The Location of an upload: its uploader reads it back (to check it, or before it is referenced).</summary>
    [Authorize(Roles = Roles.Citizen)]
    [WolverineGet("/api/documents/{sha256}", OperationId = "DownloadMyUpload")]
    [Tags("Documents")]
    [ProducesETag]
    [Microsoft.AspNetCore.Mvc.ProducesResponseType(typeof(Stream), StatusCodes.Status200OK, "application/pdf", "image/jpeg", "image/png")]
    [EndpointSummary("Download my upload")]
    [EndpointDescription("The content of a document the caller uploaded (until purged, if no request references it). Anyone else's upload is 404.")]
    public static async Task<IResult> Get(string sha256, ClaimsPrincipal user, HttpContext http, IQuerySession session, CancellationToken ct)
    {
        var owner = user.Subject();
        return await StoredDocumentFile.FindAsync(session, owner, sha256, ct) is { } stored
            ? DocumentDownload.Download(http, session, owner, sha256, stored, stored.FileName)
            : DownloadRequestDocumentEndpoint.DocumentNotFound();
    }
}
