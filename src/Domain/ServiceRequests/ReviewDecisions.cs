using MyGovernment.Domain.Catalog;
using MyGovernment.Domain.Common;

namespace MyGovernment.Domain.ServiceRequests;

/// <summary>The work of a step: asking the applicant, consulting another department, passing to the next step.</summary>
public static class ReviewDecisions
{
    /// <summary>The assignee asks the applicant for information; the SLA clock pauses until they answer.</summary>
    public static IReadOnlyList<object> RequestInformation(ServiceRequest request, Guid informationRequestId, string message, Actor officer, DateTimeOffset now)
    {
        Guard.UnderReview(request);
        Guard.Assignee(request, officer);
        return [new InformationRequested(request.Id, informationRequestId, Guard.Required(message, "message"), officer, now)];
    }

    /// <summary>The applicant answers the open information request; the due date moves by the working days paused.</summary>
    public static IReadOnlyList<object> Respond(
        ServiceRequest request, Guid informationRequestId, string message, IReadOnlyList<DocumentReference> documents,
        Actor applicant, DateTimeOffset now, WorkingCalendar calendar)
    {
        Guard.Applicant(request, applicant);
        Guard.NotFinal(request);
        if (request.Status != ServiceRequestStatus.AwaitingApplicant || request.OpenInformationRequest != informationRequestId)
        {
            throw Guard.Rule("information_request_not_open", "There is no open information request with this id.");
        }
        var paused = calendar.WorkingDaysBetween(PalestineTime.LocalDate(request.PausedSince!.Value), PalestineTime.LocalDate(now));
        var due = request.SlaDueDate is { } d ? calendar.AddWorkingDays(d, paused) : PalestineTime.LocalDate(now);
        return [new ApplicantResponded(request.Id, informationRequestId, Guard.Required(message, "message"), documents, paused, due, applicant, now)];
    }

    /// <summary>The assignee asks another department for its opinion; that department returns it.</summary>
    /// <remarks>
    /// <paramref name="toDepartmentRegistered"/>: a referral to a department nobody works in could never be returned,
    /// parking the request out of every queue while its SLA runs out.
    /// </remarks>
    public static IReadOnlyList<object> Refer(ServiceRequest request, string toDepartment, string reason, Actor officer, DateTimeOffset now, bool toDepartmentRegistered = true)
    {
        Guard.UnderReview(request);
        Guard.Assignee(request, officer);
        // Catalog codes are case-insensitive; stored in their canonical form, so queues and filters find the referral.
        var to = Catalog.CatalogDecisions.Canonical(Guard.Required(toDepartment, "toDepartment", 40));
        if (string.Equals(to, request.CurrentDepartment, StringComparison.OrdinalIgnoreCase))
        {
            throw Guard.Rule("refer_to_self", "A request cannot be referred to the department that holds it.");
        }
        if (!toDepartmentRegistered)
        {
            throw Guard.Rule("unknown_department", $"No department '{to}' is registered to refer the request to.");
        }
        return [new RequestReferred(request.Id, request.CurrentDepartment!, to, Guard.Required(reason, "reason"), officer, now)];
    }

    public static IReadOnlyList<object> ReturnReferral(ServiceRequest request, string opinion, Actor officer, DateTimeOffset now)
    {
        Guard.NotFinal(request);
        if (request.Status != ServiceRequestStatus.Referred)
        {
            throw Guard.Rule("invalid_status", "The request is not referred to another department.");
        }
        if (!officer.BelongsTo(request.ReferredTo))
        {
            throw Guard.Rule("wrong_department", "Only staff of the department the request was referred to may return it.");
        }
        Guard.NotInvolved(request, officer);
        return [new ReferralReturned(request.Id, request.ReferredTo!, Guard.Required(opinion, "opinion"), officer, now)];
    }

    /// <summary>The assignee finishes an intermediate step; the request joins the next department's queue.</summary>
    public static IReadOnlyList<object> CompleteStep(ServiceRequest request, string note, Actor officer, DateTimeOffset now)
    {
        Guard.UnderReview(request);
        Guard.Assignee(request, officer);
        if (request.IsLastStep)
        {
            throw Guard.Rule("last_step_needs_decision", "This is the last step: propose a decision instead.");
        }
        RequiredDocumentDecisions.RequireComplete(request);
        var next = request.CurrentStep!.Value + 1;
        return
        [
            new StepCompleted(request.Id, request.CurrentStep.Value, request.CurrentDepartment!, note?.Trim() ?? "", officer, now),
            new StepEntered(request.Id, next, request.WorkflowDepartments[next], now),
        ];
    }
}
