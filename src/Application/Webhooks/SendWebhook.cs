using Marten;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MyGovernment.Application.Privacy;
using Wolverine;

namespace MyGovernment.Application.Webhooks;

/// <summary>Send (or retry) one delivery; <see cref="Send"/> must still be the delivery's pending send, else it is stale.</summary>
public sealed record SendWebhook(Guid DeliveryId, Guid Send, bool Manual = false) : LogSafeMessage;

/// <summary>
/// One attempt, recorded on the delivery. A failure schedules the next attempt through Wolverine's durable
/// scheduling (committed with the record); after the last wait of the schedule the delivery has failed and its
/// subscription is disabled and says why. A manual redelivery is sent even to a disabled subscription, and its
/// success enables the subscription again: the app showing it is back.
/// </summary>
public static class SendWebhookHandler
{
    public static async Task<OutgoingMessages> Handle(
        SendWebhook message, IDocumentSession session, WebhookSender sender, TimeProvider clock, IOptions<WebhookOptions> options,
        ILogger<WebhookSender> logger, CancellationToken ct)
    {
        var outgoing = new OutgoingMessages();
        if (await session.LoadAsync<WebhookDelivery>(message.DeliveryId, ct) is not { } delivery || delivery.PendingSend != message.Send)
        {
            return outgoing;
        }
        var subscription = await session.LoadAsync<WebhookSubscription>(delivery.SubscriptionId, ct);
        if (subscription is null || (subscription.Status == WebhookSubscriptionStatus.Disabled && !message.Manual))
        {
            session.Store(delivery with { Status = WebhookDeliveryStatus.Cancelled, PendingSend = null, NextAttemptAt = null });
            return outgoing;
        }

        var now = clock.GetUtcNow();
        var result = await sender.SendAsync(subscription, delivery, now, ct);
        var attempted = delivery with { Attempts = [.. delivery.Attempts, new WebhookAttempt(now, result.StatusCode, result.Error, message.Manual)] };
        logger.LogInformation("Webhook delivery {DeliveryId} of subscription {SubscriptionId} (client {ClientId}): {Outcome} {StatusCode}",
            delivery.Id, subscription.Id, subscription.ClientId, result.Succeeded ? "delivered" : "failed", result.StatusCode);

        if (result.Succeeded)
        {
            session.Store(attempted with { Status = WebhookDeliveryStatus.Succeeded, PendingSend = null, NextAttemptAt = null });
            if (subscription.Status == WebhookSubscriptionStatus.Disabled)
            {
                session.Store(subscription with { Status = WebhookSubscriptionStatus.Active, DisabledAt = null, DisabledReason = null });
            }
            return outgoing;
        }

        var retries = options.Value.Retries();
        var failedAutomatically = attempted.Attempts.Count(a => !a.Manual);
        if (!message.Manual && failedAutomatically <= retries.Count)
        {
            var wait = retries[failedAutomatically - 1];
            var next = new SendWebhook(delivery.Id, Guid.NewGuid());
            session.Store(attempted with { PendingSend = next.Send, NextAttemptAt = now + wait });
            outgoing.Add(next.DelayedFor(wait));
            return outgoing;
        }

        session.Store(attempted with { Status = WebhookDeliveryStatus.Failed, PendingSend = null, NextAttemptAt = null });
        if (!message.Manual && subscription.Status == WebhookSubscriptionStatus.Active)
        {
            var reason = $"Delivery {delivery.MessageId} failed {failedAutomatically} times between {attempted.Attempts[0].At:u} and {now:u}.";
            session.Store(subscription with { Status = WebhookSubscriptionStatus.Disabled, DisabledAt = now, DisabledReason = reason });
            logger.LogWarning("Webhook subscription {SubscriptionId} of client {ClientId} disabled: {Reason}", subscription.Id, subscription.ClientId, reason);
        }
        return outgoing;
    }
}
