using MyGovernment.Domain.Catalog;
using MyGovernment.Domain.Common;

namespace MyGovernment.Domain.ServiceRequests;

/// <summary>
/// What a citizen (or an officer at a service centre, on the assisted channel) asks for. The applicant and the
/// submitter come from the token; on the assisted channel the applicant's national ID comes from the officer.
/// </summary>
public sealed record SubmitRequest(
    Guid RequestId,
    string ApplicantId,
    Actor SubmittedBy,
    SubmissionChannel Channel,
    IReadOnlyDictionary<string, string?> Form);

public static class SubmitDecision
{
    /// <summary>
    /// Submitting starts the request's stream with the rules in force now (workflow, approver rule, SLA). A paid
    /// service is assessed at once from the fee schedule in force on the local submission date and waits for
    /// payment; an information-only service goes straight into the first step's queue and its SLA clock starts.
    /// </summary>
    /// <param name="openDuplicate">Another open request of this applicant for this service, if the caller found one.</param>
    public static IReadOnlyList<object> Decide(
        SubmitRequest command, Service? service, DateTimeOffset now, WorkingCalendar calendar, Guid? openDuplicate = null)
    {
        if (service is null || service.Status == ServiceStatus.Draft)
        {
            throw new NotFoundException("service_not_found", "No such service in the catalog.");
        }
        if (service.Status == ServiceStatus.Retired)
        {
            throw new DomainException("service_retired", $"Service {service.Code} is no longer offered.");
        }
        if (!NationalId.IsValid(command.ApplicantId) && !command.ApplicantId.StartsWith("R-", StringComparison.Ordinal))
        {
            throw new DomainException("applicant_invalid", "The applicant has no valid national ID or resident account.");
        }
        if (command.Channel == SubmissionChannel.Assisted && !command.SubmittedBy.IsStaff)
        {
            throw new DomainException("assisted_requires_officer", "Only an officer at a service centre can submit on someone's behalf.");
        }
        if (command.Channel == SubmissionChannel.Assisted && command.SubmittedBy.NationalId == command.ApplicantId)
        {
            throw new DomainException("self_dealing", "An officer cannot submit an assisted request for themselves.");
        }

        var form = FormValidation.Normalise(service.Fields, command.Form);
        var events = new List<object>
        {
            new ServiceRequestSubmitted(
                command.RequestId, service.Code, service.Name, command.ApplicantId, command.SubmittedBy, command.Channel, form,
                service.IsPaid, [.. service.Workflow.Select(s => s.DepartmentCode)], service.RequiresSecondApprover,
                service.SlaWorkingDays, now),
        };
        events.AddRange(RequiredDocumentDecisions.AtSubmission(command.RequestId, service, form, now));
        if (openDuplicate is { } other)
        {
            events.Add(new PotentialDuplicateFlagged(command.RequestId, other, now));
        }

        if (service.IsPaid)
        {
            var schedule = service.FeeScheduleOn(PalestineTime.LocalDate(now))
                ?? throw new DomainException("fee_schedule_missing", $"Service {service.Code} has no fee schedule in force.");
            events.Add(new FeeAssessed(command.RequestId, schedule.Version, schedule.Lines, schedule.Total(), now));
        }
        else
        {
            events.AddRange(Eligibility.EnterFirstStep(command.RequestId, service.Workflow[0].DepartmentCode, service.SlaWorkingDays, now, calendar));
        }
        return events;
    }
}

/// <summary>A request becomes eligible for review (joins the first queue, starts its SLA clock) once nothing is owed.</summary>
public static class Eligibility
{
    public static IReadOnlyList<object> EnterFirstStep(Guid requestId, string department, int slaWorkingDays, DateTimeOffset now, WorkingCalendar calendar) =>
    [
        new StepEntered(requestId, 0, department, now),
        new SlaClockStarted(requestId, now, calendar.AddWorkingDays(PalestineTime.LocalDate(now), slaWorkingDays)),
    ];
}
