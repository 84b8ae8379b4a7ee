using MyGovernment.Application.Privacy;
using MyGovernment.Application.Staff;
using MyGovernment.Domain.ServiceRequests;
using MyGovernment.Domain.Staff;
using Wolverine;

namespace MyGovernment.Application.ServiceRequests;

// Timer messages. Each handler re-decides from the current stream, so a timer that has become moot does nothing.
public sealed record AbandonIfUnpaid(Guid RequestId) : LogSafeMessage;

public sealed record AbandonIfNoResponse(Guid RequestId, Guid InformationRequestId) : LogSafeMessage;

public sealed record CloseAfterAppealWindow(Guid RequestId) : LogSafeMessage;

/// <summary>
/// Runs the SLA decision for one request. The SLA sweep (<see cref="SlaSweep"/>) invokes it for each request whose
/// deadline has passed; nothing schedules it any more, but envelopes scheduled before SLA deadlines became data
/// (one per SLA clock started) are still in older databases and still handled.
/// </summary>
public sealed record CheckSla(Guid RequestId) : LogSafeMessage;

/// <summary>
/// The follow-up messages decided events start: timers, and automatic assignment when a request joins a queue. SLA
/// deadlines are not among them: they are data (<see cref="MyGovernment.Projections.ServiceRequests.SlaDeadline"/>).
/// Wolverine persists them with the events (outbox), so neither happens without the other.
/// </summary>
public static class LifecycleTimers
{
    /// <param name="assignedInTransaction">
    /// The command already decided the automatic assignment in its own transaction (a submission does), so entering
    /// the step needs no <see cref="AutoAssign"/> follow-up.
    /// </param>
    public static OutgoingMessages For(Guid requestId, IEnumerable<object> events, LifecycleOptions options, bool assignedInTransaction = false)
    {
        var timers = new OutgoingMessages();
        foreach (var e in events)
        {
            switch (e)
            {
                case StepEntered step when options.AssignmentPolicy != AssignmentPolicy.Manual && !assignedInTransaction:
                    timers.Add(new AutoAssign(requestId, step.StepIndex));
                    break;
                case FeeAssessed fee:
                    timers.Add(new AbandonIfUnpaid(requestId).ScheduledAt(fee.AssessedAt.AddDays(options.PaymentDays)));
                    break;
                case InformationRequested info:
                    timers.Add(new AbandonIfNoResponse(requestId, info.InformationRequestId).ScheduledAt(info.At.AddDays(options.ApplicantResponseDays)));
                    break;
                case RequestRejected rejected:
                    timers.Add(new CloseAfterAppealWindow(requestId).ScheduledAt(rejected.At + options.AppealWindow));
                    break;
                case DocumentIssued issued:
                    timers.Add(new CloseAfterAppealWindow(requestId).ScheduledAt(issued.At + options.AppealWindow));
                    break;
            }
        }
        return timers;
    }
}
