using Marten;
using MyGovernment.Domain.ServiceRequests;
using Wolverine.Marten;

namespace MyGovernment.Application.Documents;

/// <summary>
/// The content of uploaded documents, outside the event store (events carry only metadata and the SHA-256): one row
/// per (owner subject, SHA-256), so the same bytes uploaded twice by one caller are stored once, and a caller can only
/// ever reference their own uploads. <c>referenced_at</c> is set in the transaction of the first event that
/// references the row; rows never referenced are purged after <see cref="DocumentsOptions.UnreferencedRetentionDays"/>.
/// The table itself is created with Marten's schema (<see cref="DocumentSchema"/>).
/// </summary>
public static class UploadedDocumentsTable
{
    public const string Name = "uploaded_documents";

    public static string Qualified(IQuerySession session) => $"{session.DocumentStore.Options.DatabaseSchemaName}.{Name}";

    /// <summary>
    /// The caller's uploads among <paramref name="sha256s"/>, locked until the command's transaction ends, so the
    /// purge job cannot delete one between this check and the event that references it.
    /// </summary>
    public static async Task<IReadOnlyList<UploadedDocument>> LockOwnAsync(IDocumentSession session, string owner, IReadOnlyList<string> sha256s, CancellationToken ct)
    {
        if (sha256s.Count == 0)
        {
            return [];
        }
        // The lock needs the read inside the transaction SaveChangesAsync will commit; rows are locked in hash order,
        // so two commands locking overlapping sets cannot deadlock.
        await session.BeginTransactionAsync(ct);
        return await session.AdvancedSql.QueryAsync<UploadedDocument>(
            $"select jsonb_build_object('sha256', sha256, 'sizeBytes', size_bytes, 'contentType', content_type) from {Qualified(session)} " +
            "where owner = ? and sha256 = any(?) order by sha256 for update", ct, owner, sha256s.Distinct().ToArray());
    }

    /// <summary>Marks the uploads as referenced (kept for good), in the transaction of the event that references them.</summary>
    public static IMartenOp MarkReferenced(string owner, IReadOnlyList<DocumentReference> documents, DateTimeOffset at) =>
        documents.Count == 0
            ? MartenOps.Nothing()
            : new Sql(session => session.QueueSqlCommand(
                $"update {Qualified(session)} set referenced_at = coalesce(referenced_at, ?) where owner = ? and sha256 = any(?)",
                at, owner, documents.Select(d => d.Sha256).Distinct().ToArray()));

    /// <summary>A statement queued on the command's session: it runs in the same transaction as the events.</summary>
    public sealed class Sql(Action<IDocumentSession> queue) : IMartenOp
    {
        public void Execute(IDocumentSession session) => queue(session);
    }
}
