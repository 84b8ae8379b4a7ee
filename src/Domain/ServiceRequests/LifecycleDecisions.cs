using MyGovernment.Domain.Catalog;
using MyGovernment.Domain.Common;

namespace MyGovernment.Domain.ServiceRequests;

/// <summary>How a request ends or comes back: withdrawal, timeouts, the appeal window, SLA breaches.</summary>
public static class LifecycleDecisions
{
    public static IReadOnlyList<object> Withdraw(ServiceRequest request, string reason, Actor applicant, DateTimeOffset now)
    {
        Guard.Applicant(request, applicant);
        Guard.NotFinal(request);
        if (request.IsDecided)
        {
            throw Guard.Rule("already_decided", "A decided request can no longer be withdrawn.");
        }
        return [new RequestWithdrawn(request.Id, reason?.Trim() ?? "", applicant, now)];
    }

    /// <summary>Timer: the fee was still not paid by the deadline. Anything else by then means the timer is moot.</summary>
    public static IReadOnlyList<object> AbandonIfUnpaid(ServiceRequest request, DateTimeOffset now) =>
        request.Status == ServiceRequestStatus.AwaitingPayment
            ? [new RequestAbandoned(request.Id, AbandonReason.PaymentNotReceived, now)]
            : [];

    /// <summary>Timer: the applicant never answered this information request.</summary>
    public static IReadOnlyList<object> AbandonIfNoResponse(ServiceRequest request, Guid informationRequestId, DateTimeOffset now) =>
        request.Status == ServiceRequestStatus.AwaitingApplicant && request.OpenInformationRequest == informationRequestId
            ? [new RequestAbandoned(request.Id, AbandonReason.ApplicantDidNotRespond, now)]
            : [];

    /// <summary>Timer: the appeal window after the decision has passed; the outcome stays visible on the closed request.</summary>
    public static IReadOnlyList<object> CloseAfterAppealWindow(ServiceRequest request, TimeSpan appealWindow, DateTimeOffset now) =>
        request.Status is ServiceRequestStatus.Issued or ServiceRequestStatus.Rejected
        && request.DecidedAt is { } decided && now >= decided + appealWindow
            ? [new RequestClosed(request.Id, request.Status, now)]
            : [];

    /// <summary>
    /// The applicant appeals a rejection within the window: the deciding step reviews it again, on a fresh SLA
    /// clock (the earlier breach, if any, stays flagged on the request).
    /// </summary>
    public static IReadOnlyList<object> Reopen(
        ServiceRequest request, string grounds, Actor applicant, TimeSpan appealWindow, DateTimeOffset now, WorkingCalendar calendar)
    {
        Guard.Applicant(request, applicant);
        Guard.NotFinal(request);
        if (request.Status != ServiceRequestStatus.Rejected)
        {
            throw Guard.Rule("not_rejected", "Only a rejected request can be appealed.");
        }
        // The window is half-open: at its very end the request closes and can no longer be appealed.
        if (now >= request.DecidedAt!.Value + appealWindow)
        {
            throw Guard.Rule("appeal_window_over", "The appeal window for this decision has passed.");
        }
        var last = request.WorkflowDepartments.Count - 1;
        return
        [
            new RequestReopened(request.Id, Guard.Required(grounds, "grounds"), applicant, now),
            new StepEntered(request.Id, last, request.WorkflowDepartments[last], now),
            new SlaClockStarted(request.Id, now, calendar.AddWorkingDays(PalestineTime.LocalDate(now), request.SlaWorkingDays)),
        ];
    }

    /// <summary>
    /// The first instant after the due date ends, Palestinian local time: from then on <see cref="CheckSla"/> flags an
    /// undecided request overdue. The SLA sweep looks for requests whose instant has passed.
    /// </summary>
    public static DateTimeOffset OverdueFrom(DateOnly due) => PalestineTime.FromLocal(due.AddDays(1).ToDateTime(TimeOnly.MinValue));

    /// <summary>
    /// SLA check (run by the sweep once <see cref="OverdueFrom"/> has passed): an undecided request past its due date (on the local calendar) is flagged overdue and
    /// escalated to the department's supervisors. A paused clock (awaiting the applicant) is never overdue.
    /// </summary>
    public static IReadOnlyList<object> CheckSla(ServiceRequest request, DateTimeOffset now)
    {
        if (request.IsDecided || request.SlaDueDate is not { } due || request.Status == ServiceRequestStatus.AwaitingApplicant
            || request.Flags.HasFlag(RequestFlags.Overdue) || PalestineTime.LocalDate(now) <= due)
        {
            return [];
        }
        return
        [
            new RequestMarkedOverdue(request.Id, due, now),
            new RequestEscalated(request.Id, request.CurrentDepartment ?? request.WorkflowDepartments[0], "SLA due date passed", Actor.System, now),
        ];
    }
}
