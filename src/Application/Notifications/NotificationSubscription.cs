using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Microsoft.Extensions.Options;
using MyGovernment.Application.ServiceRequests;
using Wolverine;
using Wolverine.Marten.Subscriptions;

namespace MyGovernment.Application.Notifications;

/// <summary>
/// The "notifications" subscriber of the event streams, run by Marten's async daemon. It only reads events and
/// writes notices (no command handler decides differently because of it). The notices, their sends and the
/// subscription's progress commit in one transaction (Wolverine's outbox), and a notice's id comes from its event, so
/// a rewound or rebuilt subscription finds what it already wrote and sends nothing again.
/// </summary>
public sealed class NotificationSubscription : BatchSubscription
{
    public const string Name = "notifications";

    private readonly NotificationOptions _options;
    private readonly LifecycleOptions _lifecycle;

    public NotificationSubscription(IOptions<NotificationOptions> options, IOptions<LifecycleOptions> lifecycle) : base(Name)
    {
        _options = options.Value;
        _lifecycle = lifecycle.Value;
        foreach (var type in NotificationRules.EventTypes)
        {
            IncludeType(type);
        }
    }

    public override async Task ProcessEventsAsync(
        EventRange page, ISubscriptionController controller, IDocumentOperations operations, IMessageBus bus, CancellationToken cancellationToken)
    {
        var wanted = page.Events
            .SelectMany(e => NotificationRules.For(e.Data).Select(intent => (Event: e, Intent: intent, Id: NotificationRules.IdFor(e.Id, intent))))
            .ToList();
        if (wanted.Count == 0)
        {
            return;
        }
        var existing = (await operations.LoadManyAsync<Notification>(cancellationToken, wanted.Select(w => w.Id).ToArray()))
            .Select(n => n.Id).ToHashSet();
        var todo = wanted.Where(w => !existing.Contains(w.Id)).ToList();
        var recipients = await NotificationRecipients.ResolveAllAsync(operations, todo.Select(t => (t.Intent, t.Event.Data)).ToList(), cancellationToken);
        var recipientIds = recipients.OfType<ResolvedRecipient>().Select(r => r.RecipientId).Distinct().ToArray();
        var preferences = recipientIds.Length == 0
            ? new Dictionary<string, NotificationPreferences>()
            : (await operations.LoadManyAsync<NotificationPreferences>(cancellationToken, recipientIds)).ToDictionary(p => p.Id);

        for (var i = 0; i < todo.Count; i++)
        {
            var (e, _, id) = todo[i];
            if (recipients[i] is not { } recipient)
            {
                continue;
            }
            await NotificationOutbox.WriteAsync(
                NotificationPlanner.Plan(id, e.Id, recipient.Intent, recipient.RequestId, recipient.RecipientId,
                    preferences.GetValueOrDefault(recipient.RecipientId), _options), operations, bus);

            // The reminder is scheduled once, with the first notice of the event that started the abandonment clock.
            if (AbandonmentReminder.For(e, _lifecycle, _options) is { } reminder)
            {
                await bus.ScheduleAsync(reminder.Message, reminder.At);
            }
        }
    }
}

/// <summary>Stores a planned notice and publishes its sends through the caller's outbox.</summary>
public static class NotificationOutbox
{
    public static async Task WriteAsync(PlannedNotification planned, IDocumentOperations operations, IMessageBus bus)
    {
        operations.Store(planned.Notification);
        if (planned.Deliveries.Count > 0)
        {
            operations.Store(planned.Deliveries.ToArray());
        }
        foreach (var (message, at) in planned.Sends)
        {
            if (at is { } time)
            {
                await bus.ScheduleAsync(message, time);
            }
            else
            {
                await bus.PublishAsync(message);
            }
        }
    }
}
