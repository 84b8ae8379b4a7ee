using MyGovernment.Domain.Common;

namespace MyGovernment.Domain.ServiceRequests;

/// <summary>What the document store holds for one upload of the caller: enough to check a reference against it.</summary>
public sealed record UploadedDocument(string Sha256, long SizeBytes, string ContentType);

/// <summary>
/// A reference in an event promises that the content exists outside the event store. The caller must have uploaded
/// every document they reference, with the same size and content type, so no event ever points at nothing (or at
/// someone else's file). Pure: the uploads are loaded by the handler and passed in.
/// </summary>
public static class DocumentUploads
{
    public static void RequireUploaded(IReadOnlyList<DocumentReference> referenced, IReadOnlyCollection<UploadedDocument> uploaded)
    {
        foreach (var document in referenced)
        {
            var match = uploaded.FirstOrDefault(u => u.Sha256 == document.Sha256);
            if (match is null || match.SizeBytes != document.SizeBytes
                || !string.Equals(match.ContentType, document.ContentType, StringComparison.OrdinalIgnoreCase))
            {
                throw new DomainException("document_not_uploaded",
                    $"The document with SHA-256 {document.Sha256} was not uploaded by you with this size and content type. Upload it first (POST /api/documents).");
            }
        }
    }
}
