namespace MyGovernment.Application.ServiceRequests;

/// <summary>
/// Finds an applicant's open request for a service, to flag a potential duplicate at submission. Answered from a
/// read model, so implemented by the host that has both sides.
/// </summary>
public interface IOpenRequestLookup
{
    Task<Guid?> FindOpenAsync(string applicantId, string serviceCode, CancellationToken ct);
}
