using Marten;
using Microsoft.Extensions.Options;
using MyGovernment.Application.Privacy;
using Wolverine;

namespace MyGovernment.Application.Notifications;

/// <summary>Send one notification on one channel. Published through the outbox with the notice, so it survives a restart.</summary>
public sealed record DeliverNotification(Guid NotificationId, NotificationChannel Channel) : LogSafeMessage;

/// <summary>
/// At least once: a copy already sent, delivered or given up is not sent again; a failed attempt is retried after the
/// configured delays. The gateway dedups on the notification id, so a send repeated after a crash is one message.
/// </summary>
public static class DeliverNotificationHandler
{
    public static async Task<OutgoingMessages> Handle(
        DeliverNotification send, IDocumentSession session, ISmsGateway sms, IEmailSender email, TimeProvider clock,
        IOptions<NotificationOptions> options, CancellationToken ct)
    {
        var retries = new OutgoingMessages();
        var delivery = await session.LoadAsync<NotificationDelivery>(NotificationDelivery.IdFor(send.NotificationId, send.Channel), ct);
        if (delivery is null || delivery.Status is DeliveryStatus.Sent or DeliveryStatus.Delivered or DeliveryStatus.Failed
            || await session.LoadAsync<NotificationDeliveryReport>(delivery.Id, ct) is not null)
        {
            return retries;
        }
        var notification = await session.LoadAsync<Notification>(send.NotificationId, ct);
        var preferences = await session.LoadAsync<NotificationPreferences>(notification!.RecipientId, ct);
        delivery.Attempts++;
        delivery.HeldUntil = null;
        try
        {
            await SendAsync(send.Channel, notification, preferences, sms, email, ct);
            delivery.Status = DeliveryStatus.Sent;
            delivery.Detail = null;
        }
        catch (NotificationChannelException e)
        {
            delivery.Detail = e.Message;
            delivery.Status = delivery.Attempts < options.Value.MaxAttempts ? DeliveryStatus.Retried : DeliveryStatus.Failed;
            if (delivery.Status == DeliveryStatus.Retried)
            {
                retries.Add(send.DelayedFor(options.Value.RetryDelay(delivery.Attempts)));
            }
        }
        delivery.UpdatedAt = clock.GetUtcNow();
        session.Store(delivery);
        return retries;
    }

    private static Task SendAsync(
        NotificationChannel channel, Notification notification, NotificationPreferences? preferences, ISmsGateway sms, IEmailSender email, CancellationToken ct)
    {
        // The address is read now, not copied into the notice: a citizen who changes or removes it is not written to the old one.
        var address = channel == NotificationChannel.Sms ? preferences?.Phone : preferences?.Email;
        if (string.IsNullOrWhiteSpace(address))
        {
            throw new NotificationChannelException($"The recipient has no {channel} address any more.");
        }
        return channel == NotificationChannel.Sms
            ? sms.SendAsync(new SmsMessage(notification.Id, address, notification.Text), ct)
            : email.SendAsync(new EmailMessage(notification.Id, address, notification.Text, $"{notification.Text}\n\n{notification.Link}"), ct);
    }
}
