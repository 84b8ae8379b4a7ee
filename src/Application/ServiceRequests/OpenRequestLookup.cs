using Marten.Services.BatchQuerying;

namespace MyGovernment.Application.ServiceRequests;

/// <summary>
/// Answers the duplicate check at submission from the inline request read model, through the index on
/// (applicant, service, submitted at) declared in <c>ServiceRequestIndexes</c>: the earliest open one.
/// </summary>
public sealed class OpenRequestLookup : IOpenRequestLookup
{
    public Task<Guid?> FindOpen(IBatchedQuery batch, string applicantId, string serviceCode) =>
        batch.AddItem(new OpenRequestQuery(applicantId, serviceCode));
}
