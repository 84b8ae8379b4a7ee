using Marten;
using MyGovernment.Application.Privacy;
using MyGovernment.Domain.Common;
using Wolverine;

namespace MyGovernment.Application.Webhooks;

/// <summary>
/// The app asks for a delivery again: the same message (same <c>webhook-id</c> and body), signed now. Not while
/// automatic retries are still scheduled: they would race it.
/// </summary>
public sealed record RedeliverWebhook(string ClientId, Guid SubscriptionId, Guid DeliveryId) : LogSafeMessage;

public static class RedeliverWebhookHandler
{
    public static async Task<(WebhookDelivery, OutgoingMessages)> Handle(RedeliverWebhook command, IDocumentSession session, CancellationToken ct)
    {
        var subscription = await ClientApps.SubscriptionAsync(session, command.ClientId, command.SubscriptionId, ct);
        var delivery = await WebhookDeliveries.OfAsync(session, subscription, command.DeliveryId, ct);
        if (delivery.Status == WebhookDeliveryStatus.Pending)
        {
            throw new DomainException("webhook_delivery_pending", "This delivery is still being attempted; redeliver it once it has succeeded or failed.");
        }
        var send = new SendWebhook(delivery.Id, Guid.NewGuid(), Manual: true);
        var queued = delivery with { Status = WebhookDeliveryStatus.Pending, PendingSend = send.Send, NextAttemptAt = null };
        session.Store(queued);
        return (queued, [send]);
    }
}

public static class WebhookDeliveries
{
    /// <summary>A delivery of this subscription; any other id is answered as missing.</summary>
    public static async Task<WebhookDelivery> OfAsync(IQuerySession session, WebhookSubscription subscription, Guid id, CancellationToken ct) =>
        await session.LoadAsync<WebhookDelivery>(id, ct) is { } found && found.SubscriptionId == subscription.Id
            ? found
            : throw new NotFoundException("webhook_delivery_not_found", "No such delivery for this subscription.");
}
