using MyGovernment.Client.Models;

namespace MyGovernment.Web.Pages.Staff;

/// <summary>
/// Which action forms a request's page offers to this person. Only a convenience: the engine decides every action and
/// its refusal is shown, so a form offered at the wrong moment costs a message, never a wrong state.
/// </summary>
public sealed record RequestActions(bool Claim, bool Inform, bool Complete, bool Refer, bool Propose, bool Issue, bool Confirm, bool Return, bool Assign)
{
    private static readonly ServiceRequestStatus[] Final =
        [ServiceRequestStatus.Issued, ServiceRequestStatus.Rejected, ServiceRequestStatus.Withdrawn, ServiceRequestStatus.Abandoned, ServiceRequestStatus.Closed];

    public bool Any => Claim || Inform || Complete || Refer || Propose || Issue || Confirm || Return || Assign;

    public static RequestActions For(ServiceRequestDetails request, StaffUser me)
    {
        var open = request.Status is { } status && !Final.Contains(status);
        var inReview = request.Status is ServiceRequestStatus.InReview or ServiceRequestStatus.Reopened;
        var mine = request.AssignedTo == me.Subject;
        var lastStep = request.CurrentStep is { } step && request.Workflow is { } workflow && step >= workflow.Count - 1;
        return new(
            Claim: open && inReview && request.AssignedTo is null,
            Inform: inReview && mine,
            Complete: inReview && mine && !lastStep,
            Refer: inReview && mine,
            Propose: inReview && mine && lastStep,
            Issue: request.Status is ServiceRequestStatus.Approved && mine,
            Confirm: request.Status is ServiceRequestStatus.AwaitingApproval && me.IsSupervisor,
            Return: request.Status is ServiceRequestStatus.AwaitingApproval && me.IsSupervisor,
            Assign: open && me.IsSupervisor && request.Status is not ServiceRequestStatus.AwaitingApproval);
    }
}
