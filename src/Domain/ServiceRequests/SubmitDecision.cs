using MyGovernment.Domain.Catalog;
using MyGovernment.Domain.Common;

namespace MyGovernment.Domain.ServiceRequests;

/// <summary>What a citizen (or an officer on the assisted channel) asks for. Identity comes from the token.</summary>
public sealed record SubmitRequest(
    Guid RequestId,
    string ApplicantId,
    string SubmittedBy,
    SubmissionChannel Channel,
    IReadOnlyDictionary<string, string?> Form);

public static class SubmitDecision
{
    /// <summary>
    /// Submitting starts the request's stream. A paid service is assessed at once from the fee schedule in
    /// force on the local submission date and waits for payment; an information-only service goes straight
    /// into the first step's queue.
    /// </summary>
    public static IReadOnlyList<object> Decide(SubmitRequest command, Service? service, DateTimeOffset now)
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

        var form = FormValidation.Normalise(service.Fields, command.Form);
        var submitted = new ServiceRequestSubmitted(
            command.RequestId, service.Code, service.Name, command.ApplicantId, command.SubmittedBy, command.Channel, form,
            service.IsPaid, service.SlaWorkingDays, now);

        if (!service.IsPaid)
        {
            return [submitted, new StepEntered(command.RequestId, 0, service.Workflow[0].DepartmentCode, now)];
        }

        var schedule = service.FeeScheduleOn(PalestineTime.LocalDate(now))
            ?? throw new DomainException("fee_schedule_missing", $"Service {service.Code} has no fee schedule in force.");
        return [submitted, new FeeAssessed(command.RequestId, schedule.Version, schedule.Lines, schedule.Total(), now)];
    }
}
