using JasperFx.Events;
using Marten;
using Microsoft.Extensions.Options;
using MyGovernment.Application.Privacy;
using MyGovernment.Application.ServiceRequests;
using MyGovernment.Domain.ServiceRequests;
using MyGovernment.Projections.ServiceRequests;
using Wolverine;

namespace MyGovernment.Application.Notifications;

/// <summary>
/// Fires some days before an abandonment deadline. <see cref="At"/> is its own scheduled time (the notice's business
/// time); <see cref="InformationRequestId"/> is null for an unpaid fee.
/// </summary>
public sealed record RemindBeforeAbandonment(Guid RequestId, Guid SourceEventId, Guid? InformationRequestId, int DaysLeft, DateTimeOffset At) : LogSafeMessage;

/// <summary>
/// Our own reminder, scheduled when we see the event that starts an abandonment clock (the lifecycle's timers are
/// not ours to hook into). When it fires it checks that the request still awaits the citizen.
/// </summary>
public static class AbandonmentReminder
{
    public static (RemindBeforeAbandonment Message, DateTimeOffset At)? For(IEvent e, LifecycleOptions lifecycle, NotificationOptions options) => e.Data switch
    {
        FeeAssessed fee => Schedule(e.Id, fee.RequestId, null, fee.AssessedAt, lifecycle.PaymentDays, options.AbandonmentReminderDays),
        InformationRequested info => Schedule(e.Id, info.RequestId, info.InformationRequestId, info.At, lifecycle.ApplicantResponseDays, options.AbandonmentReminderDays),
        _ => null,
    };

    private static (RemindBeforeAbandonment, DateTimeOffset) Schedule(Guid eventId, Guid requestId, Guid? informationRequestId, DateTimeOffset started, int windowDays, int leadDays)
    {
        var lead = Math.Clamp(leadDays, 0, windowDays);
        var at = started.AddDays(windowDays - lead);
        return (new RemindBeforeAbandonment(requestId, eventId, informationRequestId, lead, at), at);
    }

    public static bool StillAwaits(ServiceRequestDetails? request, RemindBeforeAbandonment reminder) => request switch
    {
        null => false,
        { Status: ServiceRequestStatus.AwaitingPayment } => reminder.InformationRequestId is null,
        { Status: ServiceRequestStatus.AwaitingApplicant, AwaitedFromApplicant: { } open } => open.Id == reminder.InformationRequestId,
        _ => false,
    };
}

public static class RemindBeforeAbandonmentHandler
{
    /// <summary>The bus is this handler's own outbox (transactions are applied automatically), so the sends commit with the notice.</summary>
    public static async Task Handle(
        RemindBeforeAbandonment reminder, IDocumentSession session, IMessageBus bus, IOptions<NotificationOptions> options, CancellationToken ct)
    {
        var request = await session.LoadAsync<ServiceRequestDetails>(reminder.RequestId, ct);
        if (!AbandonmentReminder.StillAwaits(request, reminder))
        {
            return;
        }
        var intent = new NotificationIntent(NotificationKind.AbandonmentSoon, reminder.RequestId, Audience.Applicant, reminder.At, Days: reminder.DaysLeft);
        var id = NotificationRules.IdFor(reminder.SourceEventId, intent);
        if (await session.LoadAsync<Notification>(id, ct) is not null)
        {
            return;
        }
        var preferences = await session.LoadAsync<NotificationPreferences>(request!.ApplicantId, ct);
        await NotificationOutbox.WriteAsync(
            NotificationPlanner.Plan(id, reminder.SourceEventId, intent, reminder.RequestId, request.ApplicantId, preferences, options.Value), session, bus);
    }
}
