using MyGovernment.Domain.Common;

namespace MyGovernment.Domain.ServiceRequests;

public static class AssignmentDecisions
{
    /// <summary>An officer of the current step's department takes an unassigned request. Claiming one's own claim again changes nothing.</summary>
    public static IReadOnlyList<object> Claim(ServiceRequest request, Actor officer, DateTimeOffset now)
    {
        Guard.UnderReview(request);
        Guard.StaffOfCurrentStep(request, officer);
        if (request.AssignedTo == officer.Subject)
        {
            return [];
        }
        if (request.AssignedTo is not null)
        {
            throw Guard.Rule("already_assigned", "Another officer holds this request. A supervisor can reassign it.");
        }
        return [new RequestAssigned(request.Id, request.CurrentStep!.Value, request.CurrentDepartment!, officer.Subject, AssignmentMode.Claimed, officer, now)];
    }

    /// <summary>
    /// A supervisor of the step's department (or the automatic assigner) gives the request to an officer of that
    /// department. The caller has checked that <paramref name="officerId"/> is on the department's roster, whose
    /// entry gives <paramref name="officerNationalId"/>: an officer who is the applicant is never given the request.
    /// </summary>
    public static IReadOnlyList<object> Assign(
        ServiceRequest request, string officerId, AssignmentMode mode, Actor by, DateTimeOffset now, string? officerNationalId = null,
        bool onRoster = true)
    {
        Guard.NotFinal(request);
        if (request.IsDecided || request.Status is ServiceRequestStatus.AwaitingPayment or ServiceRequestStatus.Submitted)
        {
            throw Guard.Rule("invalid_status", $"A request that is {request.Status} cannot be assigned.");
        }
        // Only the automatic assigner (the system) skips the supervisor rule; any other mode or actor is a person
        // who must supervise the step's department and have no part in the request.
        if (!(mode == AssignmentMode.Automatic && by.Role == Actor.System.Role))
        {
            if (!(by.IsSupervisor && by.BelongsTo(request.CurrentDepartment)))
            {
                throw Guard.Rule("supervisor_required", "Only a supervisor of the current step's department can assign requests.");
            }
            Guard.NotInvolved(request, by);
        }
        // Checked after the request's state and the caller's right to assign, so a closed request or a caller who
        // may not assign learns only that, not who is on the department's roster.
        if (!onRoster)
        {
            throw Guard.Rule("officer_not_on_roster", "That officer is not on the roster of the current step's department.");
        }
        if (officerId == request.ApplicantId || officerId == request.SubmittedBy.Subject || officerNationalId == request.ApplicantId
            || (officerNationalId is not null && officerNationalId == request.SubmittedBy.NationalId))
        {
            throw Guard.Rule("self_dealing", "A request cannot be assigned to its applicant or to the officer who submitted it.");
        }
        if (request.AssignedTo == officerId)
        {
            return [];
        }
        return [new RequestAssigned(request.Id, request.CurrentStep!.Value, request.CurrentDepartment!, officerId, mode, by, now)];
    }
}
