using Marten.Services.BatchQuerying;

namespace MyGovernment.Application.ServiceRequests;

/// <summary>
/// Finds an applicant's open request for a service, to flag a potential duplicate at submission. Answered from a
/// read model, so implemented by the host that has both sides. It joins the caller's batch, so the check costs no
/// round trip of its own; the task completes when the batch has run.
/// </summary>
public interface IOpenRequestLookup
{
    Task<Guid?> FindOpen(IBatchedQuery batch, string applicantId, string serviceCode);
}
