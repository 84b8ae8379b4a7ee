using Marten.Events.Aggregation;
using MyGovernment.Domain.ServiceRequests;

namespace MyGovernment.Projections.ServiceRequests;

/// <summary>
/// When a request's SLA check can next act, kept as data in the same transaction as the events, so that one indexed
/// query finds every overdue request (the SLA sweep) instead of one scheduled message per request. Internal to the
/// engine: no route serves it.
/// </summary>
public sealed class SlaDeadline
{
    public Guid Id { get; set; }

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
}

/// <summary>
/// Folds the request events that decide whether <see cref="LifecycleDecisions.CheckSla"/> can act, mirroring its
/// conditions (the domain tests pin that rule; <c>SlaDeadlineProjectionTests</c> pin this mirror). Deterministic: the
/// instant comes from the due date in the events and the Palestinian calendar, never from the clock.
/// </summary>
public sealed partial class SlaDeadlineProjection : SingleStreamProjection<SlaDeadline, Guid>
{
    public static SlaDeadline Create(ServiceRequestSubmitted e) => new() { Id = e.RequestId };

    public static SlaDeadline Apply(SlaClockStarted e, SlaDeadline d) => Due(d, e.DueDate, paused: false, decided: false);

    public static SlaDeadline Apply(ApplicantResponded e, SlaDeadline d) => Due(d, e.NewDueDate, paused: false, decided: d.Decided);

    public static SlaDeadline Apply(InformationRequested e, SlaDeadline d) => Due(d, d.DueDate, paused: true, decided: d.Decided);

    public static SlaDeadline Apply(RequestMarkedOverdue e, SlaDeadline d)
    {
        d.Overdue = true;
        return Due(d, d.DueDate, d.Paused, d.Decided);
    }

    public static SlaDeadline Apply(RequestReopened e, SlaDeadline d) => Due(d, d.DueDate, paused: false, decided: false);

    public static SlaDeadline Apply(RequestApproved e, SlaDeadline d) => Ended(d);

    public static SlaDeadline Apply(RequestRejected e, SlaDeadline d) => Ended(d);

    public static SlaDeadline Apply(DocumentIssued e, SlaDeadline d) => Ended(d);

    public static SlaDeadline Apply(RequestWithdrawn e, SlaDeadline d) => Ended(d);

    public static SlaDeadline Apply(RequestAbandoned e, SlaDeadline d) => Ended(d);

    public static SlaDeadline Apply(RequestClosed e, SlaDeadline d) => Ended(d);

    private static SlaDeadline Ended(SlaDeadline d) => Due(d, d.DueDate, paused: false, decided: true);

    private static SlaDeadline Due(SlaDeadline d, DateOnly? due, bool paused, bool decided)
    {
        d.DueDate = due;
        d.Paused = paused;
        d.Decided = decided;
        // Stored in UTC: the column is timestamptz, which Npgsql writes only from offset zero.
        d.CheckAt = due is { } date && !paused && !decided && !d.Overdue ? LifecycleDecisions.OverdueFrom(date).ToUniversalTime() : null;
        return d;
    }
}
