using System.Text.Json;
using JasperFx.Events;
using Marten;
using MyGovernment.Application.Metadata;
using MyGovernment.Domain.Payments;
using MyGovernment.Domain.ServiceRequests;

namespace MyGovernment.Application.Webhooks;

/// <summary>Who a request concerns: the client app it was submitted through (if any) and its service.</summary>
public sealed record RequestOwner(string? ClientId, string ServiceCode);

/// <summary>What one event means for client apps, in the payload's terms: only ids, statuses and links.</summary>
public sealed record WebhookNotice(IEvent Event, string Type, Guid RequestId, RequestOwner Owner, object Data)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The Standard Webhooks payload; its time is the event's, so a rebuild would write the same bytes.</summary>
    public string Body() => JsonSerializer.Serialize(new { type = Type, timestamp = Event.Timestamp, data = Data }, Json);
}

/// <summary>
/// Reads, for a page of events, the notices they give: a status change of a request (its status before and after,
/// folded with Domain's own evolve from the stream up to the event, so it is what the request said then), a
/// successful payment, an issued document. Each stream is read once per page.
/// </summary>
public sealed class WebhookNotices(IQuerySession session)
{
    private readonly Dictionary<Guid, RequestOwner?> _owners = [];

    public static bool MayConcern(IEvent e) =>
        e.Data is PaymentSucceeded || e.Data.GetType().Namespace == typeof(ServiceRequestSubmitted).Namespace;

    public async Task<IReadOnlyList<WebhookNotice>> ForAsync(IReadOnlyList<IEvent> events, CancellationToken ct)
    {
        var notices = new List<WebhookNotice>();
        foreach (var stream in events.Where(e => e.Data is not PaymentSucceeded).GroupBy(e => e.StreamId))
        {
            notices.AddRange(await RequestNoticesAsync(stream.Key, [.. stream], ct));
        }
        foreach (var e in events.Where(e => e.Data is PaymentSucceeded))
        {
            var created = (await session.Events.FetchStreamAsync(e.StreamId, version: 1, token: ct)).Select(x => x.Data).OfType<PaymentCreated>().FirstOrDefault();
            if (created is not null && await OwnerAsync(created.RequestId, ct) is { } owner)
            {
                notices.Add(new(e, WebhookEventTypes.PaymentSucceeded, created.RequestId, owner,
                    new { requestId = created.RequestId, paymentId = e.StreamId, link = Link(created.RequestId) }));
            }
        }
        return [.. notices.OrderBy(n => n.Event.Sequence)];
    }

    private async Task<IEnumerable<WebhookNotice>> RequestNoticesAsync(Guid requestId, IReadOnlyList<IEvent> events, CancellationToken ct)
    {
        var stream = await session.Events.FetchStreamAsync(requestId, version: events.Max(e => e.Version), token: ct);
        if (stream.Count == 0 || stream[0].Data is not ServiceRequestSubmitted submitted)
        {
            return [];
        }
        var owner = _owners[requestId] = new RequestOwner(EventHeaders.ClientId(stream[0]), submitted.ServiceCode);
        var statusAt = new Dictionary<long, ServiceRequestStatus?>();
        ServiceRequest? state = null;
        foreach (var e in stream)
        {
            state = ServiceRequest.Evolve(state, e.Data);
            statusAt[e.Version] = state?.Status;
        }
        var notices = new List<WebhookNotice>();
        foreach (var e in events)
        {
            var before = statusAt.GetValueOrDefault(e.Version - 1);
            var after = statusAt.GetValueOrDefault(e.Version);
            if (after is { } status && status != before)
            {
                notices.Add(new(e, WebhookEventTypes.RequestStatusChanged, requestId, owner,
                    new { requestId, status = status.ToString(), previousStatus = before?.ToString(), link = Link(requestId) }));
            }
            if (e.Data is DocumentIssued)
            {
                notices.Add(new(e, WebhookEventTypes.DocumentIssued, requestId, owner, new { requestId, link = Link(requestId) }));
            }
        }
        return notices;
    }

    private async Task<RequestOwner?> OwnerAsync(Guid requestId, CancellationToken ct)
    {
        if (!_owners.TryGetValue(requestId, out var owner))
        {
            var stream = await session.Events.FetchStreamAsync(requestId, version: 1, token: ct);
            var first = stream.Count > 0 ? stream[0] : null;
            owner = _owners[requestId] = first?.Data is ServiceRequestSubmitted s ? new RequestOwner(EventHeaders.ClientId(first), s.ServiceCode) : null;
        }
        return owner;
    }

    private static string Link(Guid requestId) => $"/api/service-requests/{requestId}";
}
