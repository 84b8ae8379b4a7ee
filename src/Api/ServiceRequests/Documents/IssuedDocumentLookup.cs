using Marten;
using MyGovernment.Application.ServiceRequests.Documents;
using MyGovernment.Domain.ServiceRequests;
using MyGovernment.Projections.ServiceRequests;

namespace MyGovernment.Api.ServiceRequests.Documents;

/// <summary>
/// Answers from the inline read models, which commit with the events: the issued document by its code, then its
/// request for whom it was issued to; and the open requests whose <see cref="ServiceRequestDetails.ReferencedCodes"/>
/// hold a code.
/// </summary>
public sealed class IssuedDocumentLookup : IIssuedDocumentLookup
{
    public async Task<IssuedDocumentFacts?> FindAsync(IQuerySession session, string verificationCode, CancellationToken ct)
    {
        var document = verificationCode.Length == 16 ? await session.LoadAsync<IssuedDocument>(verificationCode, ct) : null;
        if (document is null)
        {
            return null;
        }
        var request = await session.LoadAsync<ServiceRequestDetails>(document.RequestId, ct);
        return request is null
            ? null
            : new IssuedDocumentFacts(document.Id, document.ServiceCode, document.RequestId, request.ApplicantId, document.IssuedAt, document.Revoked);
    }

    public async Task<IReadOnlyList<Guid>> OpenRequestsReferencingAsync(IQuerySession session, string verificationCode, CancellationToken ct) =>
        await session.Query<ServiceRequestDetails>()
            .Where(r => r.ReferencedCodes.Contains(verificationCode) && !r.Status.IsOneOf(ServiceRequestStatuses.Finished))
            .Select(r => r.Id)
            .ToListAsync(ct);
}
