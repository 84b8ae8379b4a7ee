using MyGovernment.Domain.ServiceRequests;

namespace MyGovernment.Projections.ServiceRequests;

/// <summary>
/// When a request's lifecycle timers can next act, kept as data in the request's own read-model row
/// (<see cref="ServiceRequestDetails.Timers"/>, written in the same transaction as the events), so that one indexed
/// query finds every due timer (the sweep) instead of one scheduled message per timer: the SLA check, and the start of
/// the payment, applicant-response and appeal waits. Those three keep their START instant, not a due one, because
/// their length is configuration (Lifecycle:*Days) and a projection must not read configuration; the sweep compares
/// them with now minus the configured days. Internal to the engine: the HTTP contract leaves it out.
/// </summary>
public sealed class RequestTimers
{
    /// <summary>The due date in force (Palestinian local date), moved on when the applicant answers.</summary>
    public DateOnly? DueDate { get; set; }

    /// <summary>Waiting for the applicant: the clock is paused.</summary>
    public bool Paused { get; set; }

    /// <summary>Decided, withdrawn, abandoned or closed (a reopened appeal counts as undecided again).</summary>
    public bool Decided { get; set; }

    /// <summary>Already flagged overdue: the flag stays, even across an appeal, so the check never acts twice.</summary>
    public bool Overdue { get; set; }

    /// <summary>
    /// The first instant at which the SLA decision would flag the request (the day after the due date, local time);
    /// null while it cannot (no clock, paused, decided, already overdue). The sweep's indexed column.
    /// </summary>
    public DateTimeOffset? CheckAt { get; set; }

    /// <summary>
    /// Awaiting payment since (the fee's assessment); null once nothing is owed or the request ended. Mirrors
    /// <see cref="LifecycleDecisions.AbandonIfUnpaid"/>, which acts while the request awaits payment.
    /// </summary>
    public DateTimeOffset? FeeAssessedAt { get; set; }

    /// <summary>
    /// Awaiting the applicant since (the open information request's instant); null once answered or ended. Mirrors
    /// <see cref="LifecycleDecisions.AbandonIfNoResponse"/>, which acts on this open information request only.
    /// </summary>
    public DateTimeOffset? InformationRequestedAt { get; set; }

    /// <summary>The open information request the applicant has not answered.</summary>
    public Guid? InformationRequestId { get; set; }

    /// <summary>
    /// The appeal window runs since (rejection, or the issued document); null once reopened, closed or ended. Mirrors
    /// <see cref="LifecycleDecisions.CloseAfterAppealWindow"/>, which closes a rejected or issued request.
    /// </summary>
    public DateTimeOffset? DecidedAt { get; set; }
}

/// <summary>
/// Folds the request events that decide whether <see cref="LifecycleDecisions.CheckSla"/> and the three waiting
/// timers can act, mirroring their conditions (the domain tests pin those rules; <c>RequestTimersTests</c> pin
/// this mirror). Called by <see cref="ServiceRequestDetailsProjection"/> for the events it folds. Deterministic: the
/// instants come from the events and the Palestinian calendar, never from the clock or the configuration.
/// (Until issue 16 these were a row of their own, one more write and read per command.)
/// </summary>
public static class RequestTimersFold
{
    public static RequestTimers Apply(FeeAssessed e, RequestTimers d) => Waiting(d, feeAssessedAt: e.AssessedAt);

    // The clock starts when the request becomes eligible for review: after the payment that completes the fee (or
    // on a reopened appeal, whose waits are already over), so nothing is owed any more. The StepEntered beside it is
    // what moves the status on, but it also comes with every completed step, which never ends a wait.
    public static RequestTimers Apply(SlaClockStarted e, RequestTimers d)
    {
        d.FeeAssessedAt = null;
        return Due(d, e.DueDate, paused: false, decided: false);
    }

    public static RequestTimers Apply(ApplicantResponded e, RequestTimers d) => Due(Waiting(d), e.NewDueDate, paused: false, decided: d.Decided);

    public static RequestTimers Apply(InformationRequested e, RequestTimers d) =>
        Due(Waiting(d, informationRequestedAt: e.At, informationRequestId: e.InformationRequestId), d.DueDate, paused: true, decided: d.Decided);

    public static RequestTimers Apply(RequestMarkedOverdue e, RequestTimers d)
    {
        d.Overdue = true;
        return Due(d, d.DueDate, d.Paused, d.Decided);
    }

    public static RequestTimers Apply(RequestReopened e, RequestTimers d) => Due(Waiting(d), d.DueDate, paused: false, decided: false);

    // Approved waits for its document: no timer runs until it is issued.
    public static RequestTimers Apply(RequestApproved e, RequestTimers d) => Ended(Waiting(d));

    public static RequestTimers Apply(RequestRejected e, RequestTimers d) => Ended(Waiting(d, decidedAt: e.At));

    public static RequestTimers Apply(DocumentIssued e, RequestTimers d) => Ended(Waiting(d, decidedAt: e.At));

    public static RequestTimers Apply(RequestWithdrawn e, RequestTimers d) => Ended(Waiting(d));

    public static RequestTimers Apply(RequestAbandoned e, RequestTimers d) => Ended(Waiting(d));

    public static RequestTimers Apply(RequestClosed e, RequestTimers d) => Ended(Waiting(d));

    private static RequestTimers Ended(RequestTimers d) => Due(d, d.DueDate, paused: false, decided: true);

    /// <summary>
    /// The waits in force after a status change: each status waits for one thing at most, so every event that
    /// changes the status names the one it starts (if any) and ends the others. Stored in UTC, like the deadline.
    /// </summary>
    private static RequestTimers Waiting(
        RequestTimers d, DateTimeOffset? feeAssessedAt = null, DateTimeOffset? informationRequestedAt = null,
        Guid? informationRequestId = null, DateTimeOffset? decidedAt = null)
    {
        d.FeeAssessedAt = feeAssessedAt?.ToUniversalTime();
        d.InformationRequestedAt = informationRequestedAt?.ToUniversalTime();
        d.InformationRequestId = informationRequestId;
        d.DecidedAt = decidedAt?.ToUniversalTime();
        return d;
    }

    private static RequestTimers Due(RequestTimers d, DateOnly? due, bool paused, bool decided)
    {
        d.DueDate = due;
        d.Paused = paused;
        d.Decided = decided;
        // Stored in UTC: the column is timestamptz, which Npgsql writes only from offset zero.
        d.CheckAt = due is { } date && !paused && !decided && !d.Overdue ? LifecycleDecisions.OverdueFrom(date).ToUniversalTime() : null;
        return d;
    }
}
