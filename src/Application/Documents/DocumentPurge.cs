using Marten;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MyGovernment.Application.Housekeeping;
using Npgsql;

namespace MyGovernment.Application.Documents;

/// <summary>
/// Deletes, every hour, uploads that no request referenced within <c>Documents:UnreferencedRetentionDays</c> of their
/// (latest) upload: abandoned drafts would otherwise keep citizens' files forever. A referenced upload is marked in
/// the same transaction as the event that references it, and the referencing command holds a row lock while it
/// checks, so a purge never removes content an event points at. Running it on every node is harmless.
/// </summary>
public sealed partial class DocumentPurge(IDocumentStore store, TimeProvider clock, IOptions<DocumentsOptions> options, ILogger<DocumentPurge> logger)
    : HourlyJob(clock, logger)
{
    protected override string What => "Purging unreferenced uploaded documents";

    protected override Task RunOnceAsync(CancellationToken ct) => PurgeAsync(ct);

    /// <summary>Returns how many uploads were deleted.</summary>
    public async Task<int> PurgeAsync(CancellationToken ct)
    {
        await using var session = store.QuerySession();
        await using var connection = session.Database.CreateConnection();
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(
            $"delete from {UploadedDocumentsTable.Qualified(session)} where referenced_at is null and uploaded_at < @cutoff", connection);
        command.Parameters.AddWithValue("cutoff", Clock.GetUtcNow() - options.Value.UnreferencedRetention);
        var deleted = await command.ExecuteNonQueryAsync(ct);
        if (deleted > 0)
        {
            LogPurged(logger, deleted);
        }
        return deleted;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} uploaded document(s) that no request referenced")]
    private static partial void LogPurged(ILogger logger, int count);
}
