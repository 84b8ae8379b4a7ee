using System.Data;
using Marten;
using Microsoft.Net.Http.Headers;
using MyGovernment.Application.Documents;
using Npgsql;

namespace MyGovernment.Api.Documents;

/// <summary>An upload's metadata, read without its content.</summary>
public sealed record StoredDocumentInfo(long SizeBytes, string ContentType, string FileName);

/// <summary>Serves an uploaded document's bytes as a download: streamed from PostgreSQL, never held whole in memory.</summary>
public static class StoredDocumentFile
{
    public static async Task<StoredDocumentInfo?> FindAsync(IQuerySession session, string owner, string sha256, CancellationToken ct)
    {
        var found = await session.AdvancedSql.QueryAsync<StoredDocumentInfo>(
            $"select jsonb_build_object('sizeBytes', size_bytes, 'contentType', content_type, 'fileName', file_name) from {UploadedDocumentsTable.Qualified(session)} " +
            "where owner = ? and sha256 = ?", ct, owner, sha256);
        return found.Count == 0 ? null : found[0];
    }

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
        return Results.Stream(async body =>
        {
            await using var connection = database.CreateConnection();
            await connection.OpenAsync(http.RequestAborted);
            await using var command = new NpgsqlCommand($"select content from {table} where owner = @owner and sha256 = @sha256", connection);
            command.Parameters.AddWithValue("owner", owner);
            command.Parameters.AddWithValue("sha256", sha256);
            await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, http.RequestAborted);
            if (await reader.ReadAsync(http.RequestAborted))
            {
                await using var content = await reader.GetStreamAsync(0, http.RequestAborted);
                await content.CopyToAsync(body, http.RequestAborted);
            }
        }, info.ContentType, PlainFileName.Sanitize(fileName), entityTag: new EntityTagHeaderValue(etag));
    }
}
