using Marten;
using Microsoft.Net.Http.Headers;
using MyGovernment.Application.Documents;

namespace MyGovernment.Api.Documents;

/// <summary>Serves an uploaded document's bytes as a download, streamed by <see cref="StoredDocumentFile"/>.</summary>
public static class DocumentDownload
{
    /// <summary>
    /// The bytes with their stored content type, as an attachment (never rendered inline: an uploaded file is not
    /// trusted markup), with nosniff, and the hash as a strong ETag (the content can never change under it). The name
    /// is sanitised again: events stored before <see cref="PlainFileName"/> was enforced on answers may hold any name.
    /// </summary>
    public static IResult Download(HttpContext http, IQuerySession session, string owner, string sha256, StoredDocumentInfo info, string fileName)
    {
        var response = http.Response;
        var etag = $"\"{sha256}\"";
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.CacheControl = "private, no-cache";
        response.Headers.ETag = etag;
        if (http.Request.Headers.IfNoneMatch.ToString() == etag)
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }
        response.ContentLength = info.SizeBytes;
        var table = UploadedDocumentsTable.Qualified(session);
        var database = session.Database;
        return Results.Stream(
            body => StoredDocumentFile.CopyContentAsync(database, table, owner, sha256, body, http.RequestAborted),
            info.ContentType, PlainFileName.Sanitize(fileName), entityTag: new EntityTagHeaderValue(etag));
    }
}
