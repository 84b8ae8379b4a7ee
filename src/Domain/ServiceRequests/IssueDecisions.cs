using MyGovernment.Domain.Common;

namespace MyGovernment.Domain.ServiceRequests;

public static class IssueDecisions
{
    /// <summary>An approved and fully paid request gets its document, with a code anyone can verify.</summary>
    public static IReadOnlyList<object> Issue(ServiceRequest request, string verificationCode, Actor officer, DateTimeOffset now)
    {
        Guard.NotFinal(request);
        if (request.Status == ServiceRequestStatus.Issued)
        {
            return [];
        }
        if (request.Status != ServiceRequestStatus.Approved)
        {
            throw Guard.Rule("not_approved", "Only an approved request can be issued.");
        }
        if (!request.IsFullyPaid)
        {
            throw Guard.Rule("fee_not_paid", "A document is never issued before its fee is paid in full.");
        }
        Guard.StaffOfCurrentStep(request, officer);
        RequiredDocumentDecisions.RequireComplete(request);
        return [new DocumentIssued(request.Id, verificationCode, request.ServiceCode, officer, now)];
    }

    /// <summary>A supervisor of the issuing department revokes an issued document (e.g. it was obtained by fraud).</summary>
    public static IReadOnlyList<object> Revoke(ServiceRequest request, string reason, Actor supervisor, DateTimeOffset now)
    {
        if (request.VerificationCode is null)
        {
            throw Guard.Rule("not_issued", "No document was issued for this request.");
        }
        if (request.Flags.HasFlag(RequestFlags.Revoked))
        {
            return [];
        }
        if (!supervisor.IsSupervisor || !supervisor.BelongsTo(request.CurrentDepartment))
        {
            throw Guard.Rule("supervisor_required", "Only a supervisor of the issuing department can revoke a document.");
        }
        Guard.NotInvolved(request, supervisor);
        return [new DocumentRevoked(request.Id, request.VerificationCode, Guard.Required(reason, "reason"), supervisor, now)];
    }
}
