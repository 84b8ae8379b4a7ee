using Marten;
using MyGovernment.Domain.ServiceRequests;

namespace MyGovernment.Application.ServiceRequests.Documents;

/// <summary>
/// Reads issued documents from the inline read models (implemented by the host, which has them): the facts a
/// reference is checked against, and the open requests that rely on a document.
/// </summary>
public interface IIssuedDocumentLookup
{
    /// <summary>The issued document with this verification code; null when none was issued.</summary>
    Task<IssuedDocumentFacts?> FindAsync(IQuerySession session, string verificationCode, CancellationToken ct);

    /// <summary>Open requests that referenced this verification code.</summary>
    Task<IReadOnlyList<Guid>> OpenRequestsReferencingAsync(IQuerySession session, string verificationCode, CancellationToken ct);
}
