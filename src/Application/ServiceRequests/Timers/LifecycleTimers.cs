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
/// Runs the SLA decision for one request. The sweep (<see cref="SlaSweep"/>) invokes it, like the three timers above,
/// for each request whose deadline has passed; nothing schedules them any more, but envelopes scheduled before
/// timers became data (one per SLA clock started, assessed fee, information request and decision) are still in
/// older databases and still handled.
/// </summary>
public sealed record CheckSla(Guid RequestId) : LogSafeMessage;

/// <summary>
/// The follow-up messages decided events start: automatic assignment when a request joins a queue. Timers are not
/// among them any more: they are data (<see cref="MyGovernment.Projections.ServiceRequests.RequestTimers"/>), written
/// in the command's transaction and found by the sweep. Wolverine persists the follow-ups with the events (outbox),
/// so neither happens without the other.
/// </summary>
public static class LifecycleTimers
{
    /// <param name="assignedInTransaction">
    /// The command already decided the automatic assignment in its own transaction (a submission does), so entering
    /// the step needs no <see cref="AutoAssign"/> follow-up.
    /// </param>
    public static OutgoingMessages For(Guid requestId, IEnumerable<object> events, LifecycleOptions options, bool assignedInTransaction = false)
    {
        var followUps = new OutgoingMessages();
        if (options.AssignmentPolicy == AssignmentPolicy.Manual || assignedInTransaction)
        {
            return followUps;
        }
        foreach (var step in events.OfType<StepEntered>())
        {
            followUps.Add(new AutoAssign(requestId, step.StepIndex, step.DepartmentCode));
        }
        return followUps;
    }
}
