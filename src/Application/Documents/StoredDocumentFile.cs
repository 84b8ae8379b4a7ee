using System.Data;
using Marten;
using Marten.Storage;
using Npgsql;

namespace MyGovernment.Application.Documents;

/// <summary>An upload's metadata, read without its content.</summary>
public sealed record StoredDocumentInfo(long SizeBytes, string ContentType, string FileName);

/// <summary>Reads an uploaded document from <see cref="UploadedDocumentsTable"/>: its metadata, then its bytes as a stream.</summary>
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
    /// Copies the content into <paramref name="destination"/> straight from PostgreSQL, never held whole in memory.
    /// It opens its own connection: it runs while the response is written, after the request's session is done.
    /// </summary>
    public static async Task CopyContentAsync(IMartenDatabase database, string table, string owner, string sha256, Stream destination, CancellationToken ct)
    {
        await using var connection = database.CreateConnection();
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand($"select content from {table} where owner = @owner and sha256 = @sha256", connection);
        command.Parameters.AddWithValue("owner", owner);
        command.Parameters.AddWithValue("sha256", sha256);
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, ct);
        if (await reader.ReadAsync(ct))
        {
            await using var content = await reader.GetStreamAsync(0, ct);
            await content.CopyToAsync(destination, ct);
        }
    }
}
