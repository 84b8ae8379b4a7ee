using Marten;
using MyGovernment.Application.ServiceRequests;
using MyGovernment.Domain.ServiceRequests;
using MyGovernment.Projections.ServiceRequests;

namespace MyGovernment.Api.ServiceRequests;

/// <summary>Answers the duplicate check at submission from the inline request read model.</summary>
public sealed class OpenRequestLookup(IQuerySession session) : IOpenRequestLookup
{
    public async Task<Guid?> FindOpenAsync(string applicantId, string serviceCode, CancellationToken ct)
    {
        var open = await session.Query<ServiceRequestDetails>()
            .Where(r => r.ApplicantId == applicantId && r.ServiceCode == serviceCode && !r.Status.IsOneOf(ServiceRequestStatuses.Finished))
            .OrderBy(r => r.SubmittedAt)
            .Select(r => r.Id)
            .Take(1)
            .ToListAsync(ct);
        return open.Count > 0 ? open[0] : null;
    }
}
