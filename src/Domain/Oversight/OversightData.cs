using MyGovernment.Domain.AccessLog;
using MyGovernment.Domain.Catalog;

namespace MyGovernment.Domain.Oversight;

/// <summary>
/// Everything the event-based reports read: every service request's history, every citizen-data view, and the
/// working calendar. Payments and refunds (reports 5, 6 and 10) will add their own stream histories here.
/// </summary>
public sealed class OversightData(IEnumerable<RequestHistory> requests, IEnumerable<OversightEvent> views, WorkingCalendar calendar)
{
    public IReadOnlyList<RequestHistory> Requests { get; } = [.. requests];

    public IReadOnlyDictionary<Guid, RequestHistory> ById => _byId ??= Requests.ToDictionary(r => r.RequestId);

    /// <summary>CitizenDataViewed events from the access-log streams, in sequence order.</summary>
    public IReadOnlyList<OversightEvent> Views { get; } = [.. views.Where(v => v.Data is CitizenDataViewed)];

    public WorkingCalendar Calendar { get; } = calendar;

    private IReadOnlyDictionary<Guid, RequestHistory>? _byId;

    /// <summary>Groups loaded events into request histories (by stream) and views.</summary>
    public static OversightData From(IEnumerable<OversightEvent> events, WorkingCalendar calendar)
    {
        var list = events.OrderBy(e => e.Sequence).ToList();
        var views = list.Where(e => e.Data is CitizenDataViewed);
        var requests = list.Where(e => e.Data is not CitizenDataViewed)
            .GroupBy(e => e.StreamId)
            .Select(g => new RequestHistory([.. g.OrderBy(e => e.Version)]));
        return new OversightData(requests, views, calendar);
    }
}
