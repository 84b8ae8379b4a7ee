using JasperFx.Events.Projections;
using Marten;
using MyGovernment.Domain.Common;
using MyGovernment.Domain.Payments;
using MyGovernment.Domain.ServiceRequests;
using Wolverine;
using Wolverine.Marten.Subscriptions;

namespace MyGovernment.Application.Webhooks;

/// <summary>
/// The "webhooks" subscriber of the event streams (Marten's async daemon, through Wolverine so the sends it queues
/// are committed in the same transaction as its progress). It only reads events and writes its own deliveries: no
/// command handler sees anything it does. A delivery's id comes from the event and the subscription, so running
/// over the same events again (a rewind, a rebuild, a retried page) finds the deliveries it made and sends nothing twice.
/// </summary>
public sealed class WebhookSubscriber : BatchSubscription
{
    public const string Name = "webhooks";

    /// <summary>
    /// Only the events a notice can come from: a request's status changes (its document issued among them) and a
    /// payment's success. Reading every event of every stream, as before, loaded and deserialized twice as many events
    /// per submission (four, of which two change the status), with no webhook subscription to send them to (issue 16, part L).
    /// </summary>
    public WebhookSubscriber() : base(Name)
    {
        foreach (var type in ServiceRequest.StatusChangingEvents)
        {
            IncludeType(type);
        }
        IncludeType<PaymentSucceeded>();
    }

    public override async Task ProcessEventsAsync(
        EventRange page, JasperFx.Events.Daemon.ISubscriptionController controller, IDocumentOperations operations, IMessageBus bus, CancellationToken cancellationToken)
    {
        var ct = cancellationToken;
        var events = page.Events.Where(WebhookNotices.MayConcern).ToList();
        if (events.Count == 0)
        {
            return;
        }
        var subscriptions = await operations.Query<WebhookSubscription>().Where(s => s.Status == WebhookSubscriptionStatus.Active).ToListAsync(ct);
        if (subscriptions.Count == 0)
        {
            return;
        }
        var apps = (await operations.LoadManyAsync<ClientApp>(ct, subscriptions.Select(s => s.ClientId).Distinct())).ToDictionary(a => a.Id);
        var notices = await new WebhookNotices(operations).ForAsync(events, ct);
        var deliveries = (
            from notice in notices
            from subscription in subscriptions
            where subscription.EventTypes.Contains(notice.Type)
                && notice.Event.Sequence > subscription.StartsAfterSequence
                && apps.TryGetValue(subscription.ClientId, out var app) && IsEntitled(app, notice.Owner)
            select Delivery(notice, subscription)).ToList();
        if (deliveries.Count == 0)
        {
            return;
        }
        var made = (await operations.LoadManyAsync<WebhookDelivery>(ct, deliveries.Select(d => d.Id))).Select(d => d.Id).ToHashSet();
        foreach (var delivery in deliveries.Where(d => !made.Contains(d.Id)))
        {
            operations.Store(delivery);
            await bus.PublishAsync(new SendWebhook(delivery.Id, delivery.PendingSend!.Value));
        }
    }

    /// <summary>An app is entitled to the requests submitted through it and to every request of the services it was granted.</summary>
    public static bool IsEntitled(ClientApp app, RequestOwner owner) =>
        owner.ClientId == app.Id || app.Services.Contains(owner.ServiceCode, StringComparer.OrdinalIgnoreCase);

    private static WebhookDelivery Delivery(WebhookNotice notice, WebhookSubscription subscription)
    {
        var id = NameBasedId.For("webhook-delivery", $"{notice.Event.Id:N}/{subscription.Id:N}/{notice.Type}");
        return new WebhookDelivery(
            id, subscription.Id, subscription.ClientId, notice.Type, notice.RequestId, notice.Event.Sequence, notice.Event.Timestamp,
            notice.Body(), WebhookDeliveryStatus.Pending, [], id, null);
    }
}
