using MyGovernment.Projections;

namespace MyGovernment.Application.Notifications;

/// <summary>
/// A notice ready to store, its SMS and email copies, and the sends to publish (each at its time). The inbox copy is
/// not among them: it is the notice itself, delivered when stored (<see cref="NotificationViews"/> shows it so).
/// </summary>
public sealed record PlannedNotification(
    Notification Notification, IReadOnlyList<NotificationDelivery> Deliveries, IReadOnlyList<(DeliverNotification Message, DateTimeOffset? At)> Sends);

/// <summary>
/// Turns an intent for a known recipient into the notice and its deliveries: the inbox at once (the stored notice),
/// SMS and email only where the recipient gave an address and the channel is configured, held until the quiet hours end.
/// </summary>
public static class NotificationPlanner
{
    public static PlannedNotification Plan(
        Guid id, Guid sourceEventId, NotificationIntent intent, Guid requestId, string recipientId,
        NotificationPreferences? preferences, NotificationOptions options)
    {
        var language = preferences?.Language ?? NotificationLanguage.Default;
        var reference = NotificationRules.Reference(requestId);
        var notification = new Notification
        {
            Id = id,
            RecipientId = recipientId,
            Kind = intent.Kind,
            Language = language,
            RequestId = requestId,
            Reference = reference,
            Text = NotificationTemplates.Render(intent.Kind, language, new TemplateValues(reference, intent.Amount, intent.Days, intent.Department)),
            Link = $"{options.PortalUrl.TrimEnd('/')}/requests/{requestId}",
            // Also kept in a timestamptz column (NotificationSetup): as PostgreSQL holds it (StoredTime), so that the
            // JSON, the column and a paging cursor agree.
            CreatedAt = StoredTime.Of(intent.At),
            SourceEventId = sourceEventId,
        };

        var deliveries = new List<NotificationDelivery>();
        var sends = new List<(DeliverNotification, DateTimeOffset?)>();
        var release = QuietHours.Release(intent.At, options.QuietHoursStart, options.QuietHoursEnd);
        var held = release > intent.At;
        foreach (var channel in ExternalChannels(preferences, options))
        {
            deliveries.Add(Delivery(id, channel, held ? DeliveryStatus.Held : DeliveryStatus.Queued, intent.At, held ? release : null));
            sends.Add((new DeliverNotification(id, channel), held ? release : null));
        }
        return new PlannedNotification(notification, deliveries, sends);
    }

    private static IEnumerable<NotificationChannel> ExternalChannels(NotificationPreferences? preferences, NotificationOptions options)
    {
        if (!string.IsNullOrWhiteSpace(preferences?.Phone) && !string.IsNullOrWhiteSpace(options.Sms.GatewayUrl))
        {
            yield return NotificationChannel.Sms;
        }
        if (!string.IsNullOrWhiteSpace(preferences?.Email) && options.Email.Enabled)
        {
            yield return NotificationChannel.Email;
        }
    }

    private static NotificationDelivery Delivery(Guid id, NotificationChannel channel, DeliveryStatus status, DateTimeOffset at, DateTimeOffset? heldUntil) => new()
    {
        Id = NotificationDelivery.IdFor(id, channel),
        NotificationId = id,
        Channel = channel,
        Status = status,
        HeldUntil = heldUntil,
        UpdatedAt = at,
    };
}
