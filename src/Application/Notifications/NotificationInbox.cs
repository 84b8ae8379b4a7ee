using FluentValidation;
using Marten;
using MyGovernment.Application.Privacy;
using MyGovernment.Domain.Common;

namespace MyGovernment.Application.Notifications;

public sealed record DeliveryView(NotificationChannel Channel, DeliveryStatus Status, int Attempts, DateTimeOffset? HeldUntil, DateTimeOffset UpdatedAt);

/// <summary>An inbox entry with where each channel's copy stands.</summary>
public sealed record NotificationView(
    Guid Id, NotificationKind Kind, Guid RequestId, string Reference, string Language, string Text, string? Link,
    DateTimeOffset CreatedAt, bool Read, DateTimeOffset? ReadAt, IReadOnlyList<DeliveryView> Deliveries);

public static class NotificationViews
{
    /// <summary>The channels whose copies are stored, each in its own document; the inbox's is the notice itself.</summary>
    private static readonly NotificationChannel[] StoredChannels = [NotificationChannel.Sms, NotificationChannel.Email];

    public static async Task<IReadOnlyList<NotificationView>> WithDeliveriesAsync(IQuerySession session, IReadOnlyList<Notification> notifications, CancellationToken ct)
    {
        var ids = notifications.SelectMany(n => StoredChannels.Select(c => NotificationDelivery.IdFor(n.Id, c))).ToArray();
        var deliveries = ids.Length == 0 ? [] : await session.LoadManyAsync<NotificationDelivery>(ct, ids);
        var reports = ids.Length == 0 ? [] : (await session.LoadManyAsync<NotificationDeliveryReport>(ct, ids)).ToDictionary(r => r.Id);
        var byNotification = deliveries.ToLookup(d => d.NotificationId);
        return [.. notifications.Select(n => new NotificationView(
            n.Id, n.Kind, n.RequestId, n.Reference, n.Language, n.Text, n.Link, n.CreatedAt, n.ReadAt is not null, n.ReadAt,
            [Inbox(n), .. byNotification[n.Id].OrderBy(d => d.Channel).Select(d => View(d, reports.GetValueOrDefault(d.Id)))]))];
    }

    /// <summary>
    /// The inbox copy is delivered when the notice is stored, so it is not stored apart: one row fewer per notice,
    /// written in the command's own transaction (issue 16). Rows stored for it by earlier releases are not read.
    /// </summary>
    private static DeliveryView Inbox(Notification n) => new(NotificationChannel.Inbox, DeliveryStatus.Delivered, 0, null, n.CreatedAt);

    private static DeliveryView View(NotificationDelivery d, NotificationDeliveryReport? report) => report is null
        ? new DeliveryView(d.Channel, d.Status, d.Attempts, d.HeldUntil, d.UpdatedAt)
        : new DeliveryView(d.Channel, report.Delivered ? DeliveryStatus.Delivered : DeliveryStatus.Failed, d.Attempts, null, report.At);
}

/// <summary>The caller marks one of their notifications read or unread. Someone else's is not found, like every foreign object.</summary>
/// <param name="Recipients">The recipient ids the caller may read (their own, and their department's supervisors').</param>
public sealed record MarkNotificationRead(Guid NotificationId, IReadOnlyList<string> Recipients, bool Read) : LogSafeMessage;

public static class MarkNotificationReadHandler
{
    public static async Task<Notification> Handle(MarkNotificationRead command, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var notification = await session.LoadAsync<Notification>(command.NotificationId, ct);
        if (notification is null || !command.Recipients.Contains(notification.RecipientId))
        {
            throw new NotFoundException("notification_not_found", "No such notification.");
        }
        // Marking twice keeps the first time it was read.
        notification.ReadAt = command.Read ? notification.ReadAt ?? clock.GetUtcNow() : null;
        session.Store(notification);
        return notification;
    }
}

/// <summary>The caller's language and the addresses SMS and email go to (none: the inbox only).</summary>
public sealed record SetNotificationPreferences(string RecipientId, string? Language, string? Phone, string? Email) : LogSafeMessage
{
    public sealed class Validator : AbstractValidator<SetNotificationPreferences>
    {
        public Validator()
        {
            RuleFor(c => c.Language).Must(l => l is null || NotificationLanguage.Supported.Contains(l))
                .WithMessage("'language' must be 'ar' or 'en'.");
            RuleFor(c => c.Phone).Matches(@"^\+[1-9][0-9]{7,14}$").When(c => !string.IsNullOrEmpty(c.Phone))
                .WithMessage("'phone' must be an international number such as +970599123456.");
            RuleFor(c => c.Email).EmailAddress().MaximumLength(254).When(c => !string.IsNullOrEmpty(c.Email));
        }
    }
}

public static class SetNotificationPreferencesHandler
{
    public static NotificationPreferences Handle(SetNotificationPreferences command, IDocumentSession session)
    {
        var preferences = new NotificationPreferences
        {
            Id = command.RecipientId,
            Language = command.Language ?? NotificationLanguage.Default,
            Phone = string.IsNullOrWhiteSpace(command.Phone) ? null : command.Phone,
            Email = string.IsNullOrWhiteSpace(command.Email) ? null : command.Email,
        };
        session.Store(preferences);
        return preferences;
    }
}
