using Marten;
using Marten.Services.BatchQuerying;
using MyGovernment.Application.ServiceRequests;
using MyGovernment.Domain.ServiceRequests;
using MyGovernment.Projections.ServiceRequests;

namespace MyGovernment.Api.ServiceRequests;

/// <summary>
/// Answers the duplicate check at submission from the inline request read model, through the index on
/// (applicant, service, submitted at) declared in <see cref="ServiceRequestIndexes"/>: the earliest open one.
/// </summary>
public sealed class OpenRequestLookup : IOpenRequestLookup
{
    public async Task<Guid?> FindOpen(IBatchedQuery batch, string applicantId, string serviceCode)
    {
        var open = await batch.Query<ServiceRequestDetails>()
            .Where(r => r.ApplicantId == applicantId && r.ServiceCode == serviceCode && !r.Status.IsOneOf(ServiceRequestStatuses.Finished))
            .OrderBy(r => r.SubmittedAt)
            .Take(1)
            .Select(r => r.Id)
            .ToList();
        return open.Count > 0 ? open[0] : null;
    }
}
