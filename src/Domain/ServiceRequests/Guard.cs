using MyGovernment.Domain.Common;

namespace MyGovernment.Domain.ServiceRequests;

/// <summary>The rules every officer action shares. Each refusal is a <see cref="DomainException"/> with a stable code.</summary>
public static class Guard
{
    public static DomainException Rule(string code, string message) => new(code, message);

    public static void NotFinal(ServiceRequest request)
    {
        if (request.IsFinal)
        {
            throw Rule("request_closed", $"The request is {request.Status} and accepts no further action.");
        }
    }

    public static void UnderReview(ServiceRequest request)
    {
        NotFinal(request);
        if (request.Status == ServiceRequestStatus.AwaitingPayment)
        {
            throw Rule("fee_not_paid", "The fee has not been paid in full; the request cannot be reviewed yet.");
        }
        if (!request.IsUnderReview)
        {
            throw Rule("invalid_status", $"The request is {request.Status}, not under review.");
        }
    }

    /// <summary>Nobody acts as an officer on a request they applied for, or submitted for someone at a service centre.</summary>
    public static void NotInvolved(ServiceRequest request, Actor actor)
    {
        if (IsApplicant(request, actor))
        {
            throw Rule("self_dealing", "An officer may not act on a request in which they are the applicant.");
        }
        if (request.Channel == SubmissionChannel.Assisted && request.SubmittedBy.IsSamePersonAs(actor))
        {
            throw Rule("assisted_submitter", "The officer who submitted this request for the applicant may not handle or decide it.");
        }
    }

    public static bool IsApplicant(ServiceRequest request, Actor actor) =>
        (actor.NationalId ?? actor.Subject) == request.ApplicantId
        || (request.Channel == SubmissionChannel.Online && request.SubmittedBy.Subject == actor.Subject);

    public static void Applicant(ServiceRequest request, Actor actor)
    {
        if (!IsApplicant(request, actor))
        {
            throw new NotFoundException("request_not_found", "No such service request.");
        }
    }

    /// <summary>
    /// Whether the actor may know the request exists at all: its applicant, staff of the department that holds it
    /// (or that it is referred to), and roles that work across departments (finance, the system). Anyone else is
    /// told "not found", exactly as a read would, so acting on a foreign request reveals nothing (DESIGN §10).
    /// </summary>
    public static void Visible(ServiceRequest request, Actor actor)
    {
        var visible = actor.Role switch
        {
            "citizen" => IsApplicant(request, actor),
            "officer" or "supervisor" => actor.BelongsTo(request.CurrentDepartment) || actor.BelongsTo(request.ReferredTo),
            _ => true,
        };
        if (!visible)
        {
            throw new NotFoundException("request_not_found", "No such service request.");
        }
    }

    public static void StaffOfCurrentStep(ServiceRequest request, Actor actor)
    {
        if (!actor.BelongsTo(request.CurrentDepartment))
        {
            throw Rule("wrong_department", "Only staff of the department that owns the current step may act on it.");
        }
        NotInvolved(request, actor);
    }

    public static void Assignee(ServiceRequest request, Actor actor)
    {
        StaffOfCurrentStep(request, actor);
        if (request.AssignedTo != actor.Subject)
        {
            throw Rule("not_assigned", "Only the officer assigned to this request at this step may act on it. Claim it first.");
        }
    }

    public static string Required(string? text, string field, int maxLength = 2000)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new FieldValidationException(
                new Dictionary<string, string[]> { [field] = [$"'{field}' is required."] },
                new Dictionary<string, string[]> { [field] = [$"الحقل '{field}' مطلوب."] });
        }
        if (text.Length > maxLength)
        {
            throw new FieldValidationException(
                new Dictionary<string, string[]> { [field] = [$"'{field}' must be at most {maxLength} characters."] },
                new Dictionary<string, string[]> { [field] = [$"يجب ألا يزيد الحقل '{field}' على {maxLength} حرفاً."] });
        }
        return text.Trim();
    }
}
