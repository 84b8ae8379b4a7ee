using JasperFx.Events;
using Marten;
using MyGovernment.Domain.ServiceRequests;
using MyGovernment.Projections.ServiceRequests;

namespace MyGovernment.Application.ServiceRequests;

/// <summary>A request's row read in a batch, opened for writing after the batch ran (see <see cref="ServiceRequestStream.FetchForWriting"/>).</summary>
public sealed class QueuedRequest(IDocumentSession session, Guid requestId, Task<ServiceRequestDetails?> row)
{
    /// <summary>
    /// The request for writing: from its row when the row carries the write model at the row's own version, otherwise
    /// (no such request, or a row written before rows carried it) from Marten's fold of the stream, in a round trip of
    /// its own. Only after the batch has run: the fallback queries the session, which must not overlap the batch.
    /// </summary>
    public async Task<IEventStream<ServiceRequest>> OpenAsync(CancellationToken ct)
    {
        var details = await row;
        if (details?.WriteModel is { } state && state.Version == details.Version)
        {
            return new RequestRowStream(session, requestId, state, ct);
        }
        var stream = await session.Events.FetchForWriting<ServiceRequest>(requestId, ct);
        if (details is not null && stream.Aggregate is { } folded && folded.Version == details.Version)
        {
            // An older row: the projection applies this command's events to the row in the identity map, so giving it
            // the fold now upgrades the row at this command's commit.
            details.WriteModel = folded;
        }
        return stream;
    }
}
