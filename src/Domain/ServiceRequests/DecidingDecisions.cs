using MyGovernment.Domain.Common;

namespace MyGovernment.Domain.ServiceRequests;

/// <summary>Deciding a request: one officer, or a maker and a different checker where the service requires it.</summary>
public static class DecidingDecisions
{
    public static IReadOnlyList<object> Propose(
        ServiceRequest request, DecisionOutcome outcome, string? reasonCode, string note, Actor officer, DateTimeOffset now)
    {
        Guard.UnderReview(request);
        Guard.Assignee(request, officer);
        if (outcome == DecisionOutcome.Approve && !request.IsLastStep)
        {
            throw Guard.Rule("approval_only_at_last_step", "A request is approved at its last step; complete this step instead.");
        }
        if (outcome == DecisionOutcome.Reject && !RejectionReasons.IsKnown(reasonCode))
        {
            throw Guard.Rule("reason_code_required", $"A rejection needs a reason code: {string.Join(", ", RejectionReasons.All)}.");
        }
        if (outcome == DecisionOutcome.Approve)
        {
            RequiredDocumentDecisions.RequireComplete(request);
        }
        var text = Guard.Required(note, "note");
        var reason = outcome == DecisionOutcome.Reject ? reasonCode : null;

        if (request.RequiresSecondApprover)
        {
            return [new DecisionProposed(request.Id, outcome, reason, text, officer, now)];
        }
        return [Final(request, outcome, reason, text, proposedBy: null, officer, now)];
    }

    /// <summary>A supervisor of the department (the checker) confirms the maker's proposal. Never the maker, never the applicant.</summary>
    public static IReadOnlyList<object> Confirm(ServiceRequest request, string note, Actor checker, DateTimeOffset now)
    {
        var proposal = PendingProposal(request, checker);
        if (proposal.Outcome == DecisionOutcome.Approve)
        {
            RequiredDocumentDecisions.RequireComplete(request);
        }
        return [Final(request, proposal.Outcome, proposal.ReasonCode, string.IsNullOrWhiteSpace(note) ? proposal.Note : note.Trim(), proposal.ProposedBy, checker, now)];
    }

    /// <summary>The checker disagrees and sends the request back to review.</summary>
    public static IReadOnlyList<object> Return(ServiceRequest request, string reason, Actor checker, DateTimeOffset now)
    {
        PendingProposal(request, checker);
        return [new DecisionReturned(request.Id, Guard.Required(reason, "reason"), checker, now)];
    }

    private static PendingDecision PendingProposal(ServiceRequest request, Actor checker)
    {
        Guard.NotFinal(request);
        if (request.Status != ServiceRequestStatus.AwaitingApproval || request.Proposal is null)
        {
            throw Guard.Rule("no_pending_decision", "There is no proposed decision awaiting approval.");
        }
        Guard.StaffOfCurrentStep(request, checker);
        // The same person under a second account (same national ID, e.g. an officer's and a supervisor's) is still the maker.
        if (request.Proposal.Proposer.IsSamePersonAs(checker))
        {
            throw Guard.Rule("maker_checker", "The officer who proposed a decision cannot also approve it.");
        }
        if (!checker.IsSupervisor)
        {
            throw Guard.Rule("supervisor_required", "A proposed decision is confirmed or returned by a supervisor of the department.");
        }
        return request.Proposal;
    }

    private static object Final(ServiceRequest request, DecisionOutcome outcome, string? reasonCode, string note, string? proposedBy, Actor by, DateTimeOffset now) =>
        outcome == DecisionOutcome.Approve
            ? new RequestApproved(request.Id, note, proposedBy, by, now)
            : new RequestRejected(request.Id, reasonCode!, note, proposedBy, by, now);
}
