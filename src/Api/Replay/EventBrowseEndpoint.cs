using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using MyGovernment.Api.Identity;
using MyGovernment.Api.Paging;
using MyGovernment.Integrity;
using Wolverine.Http;

namespace MyGovernment.Api.Replay;

public static class EventBrowseEndpoint
{
    /// <summary>
    /// Every event in the store, in seq order, filtered by time range, acting subject, department (from the
    /// "actor" metadata header) and event type. Keyset paged on seq_id: `next` is the cursor for `after`.
    /// </summary>
    [Authorize(Roles = Roles.Auditor)]
    [WolverineGet("/api/audit/events", OperationId = "BrowseEvents")]
    [EndpointSummary("Browse the event log")]
    [EndpointDescription("All events by time range, actor, department and event type, with keyset paging on the global sequence.")]
    [Tags("Audit")]
    public static async Task<Page<EventSummary>> Browse(
        DateTimeOffset? from, DateTimeOffset? to, string? actor, string? department, string? type, long? after, int? limit,
        EventLog events, CancellationToken ct)
    {
        var size = Keyset.Limit(limit);
        // One row past the page says whether there is a next one.
        var rows = await events.BrowseAsync(new EventFilter(from, to, actor, department, type), after ?? 0, size + 1, ct);
        var more = rows.Count > size;
        var page = rows.Take(size).ToList();
        return new Page<EventSummary>(page, more ? page[^1].Seq.ToString(CultureInfo.InvariantCulture) : null);
    }
}
