using MyGovernment.Domain.ServiceRequests;

namespace MyGovernment.Domain.Oversight;

/// <summary>
/// Report 1. The domain refuses these pairs (maker-checker, assisted submitter), so a finding means the events
/// were written some other way: an older version, a migration, a direct database edit. Refunds have the same pair
/// (requester and approver). Assess/waive fee has no waiver event yet.
/// </summary>
public sealed class SegregationOfDutiesReport : IOversightReport
{
    public const string Name = "segregation-of-duties";

    public ReportDescriptor Descriptor { get; } = new(1, Name, "Segregation of duties",
        "One person on both sides of an incompatible pair: the maker of a decision proposal is its checker (same subject, or the same national ID under another subject); a decision on a service that needs a second approver was taken by one person alone; an officer who submitted a request on the assisted channel acted on its decision; the finance person who requested a refund (RefundRequested.By) approved it (RefundApproved.By), same subject or same national ID ('refund-request-approve'); a refund was submitted to the provider or paid out with no RefundApproved before it ('refund-approval-missing'). Refund findings are filed under the department the payment's money belongs to.",
        ["maker-checker", "second-approver-missing", "assisted-submitter-decided", "refund-request-approve", "refund-approval-missing"]);

    public IEnumerable<Finding> Find(OversightData data, OversightSettings settings, ReportScope scope)
    {
        foreach (var request in data.Requests)
        {
            OversightEvent? proposal = null;
            foreach (var e in request.Events)
            {
                switch (e.Data)
                {
                    case DecisionProposed:
                        proposal = e;
                        if (AssistedSubmitter(request, e) is { } a)
                        {
                            yield return a;
                        }
                        break;
                    case DecisionReturned:
                        proposal = null;
                        break;
                    case RequestApproved or RequestRejected:
                        var checker = e.Actor;
                        var proposedBy = e.Data is RequestApproved ap ? ap.ProposedBy : ((RequestRejected)e.Data).ProposedBy;
                        if (proposal is not null && OversightEvent.SamePerson(proposal.Actor, checker))
                        {
                            yield return Make(request, e, "maker-checker", $"{checker!.Subject} confirmed the decision that {proposal.Actor!.Subject} proposed: the same person", [proposal.Cite(), e.Cite()]);
                        }
                        else if (proposedBy is not null && string.Equals(proposedBy, checker?.Subject, StringComparison.Ordinal))
                        {
                            yield return Make(request, e, "maker-checker", $"the decision names {proposedBy} as both proposer and approver", [e.Cite()]);
                        }
                        else if (request.Submitted?.RequiresSecondApprover == true && proposal is null && proposedBy is null)
                        {
                            yield return Make(request, e, "second-approver-missing", $"{checker?.Subject} decided alone on a service that needs a second approver", [request.Opening!.Cite(), e.Cite()]);
                        }
                        else if (proposal is null && AssistedSubmitter(request, e) is { } b)
                        {
                            yield return b;
                        }
                        proposal = null;
                        break;
                }
            }
        }
        foreach (var refund in data.Refunds)
        {
            if (RefundPair(refund, data) is { } finding)
            {
                yield return finding;
            }
        }
    }

    /// <summary>The refund's maker approved it, or it went to the provider with no approval at all.</summary>
    private static Finding? RefundPair(RefundHistory refund, OversightData data)
    {
        var place = data.PlaceOf(refund.PaymentId);
        var requested = refund.Requested;
        var approved = refund.Approved;
        if (requested is not null && approved is not null && OversightEvent.SamePerson(requested.Actor, approved.Actor))
        {
            return new Finding(Name, "refund-request-approve", approved.At, approved.Actor!.Subject, place.Department, place.Service, place.RequestId,
                $"{approved.Actor.Subject} approved the refund of {((Payments.Refunds.RefundRequested)requested.Data).Amount} that {requested.Actor!.Subject} requested: the same person",
                [requested.Cite(), approved.Cite()]);
        }
        var paidOut = refund.Events.FirstOrDefault(e => e.Data is Payments.Refunds.RefundSubmitted or Payments.Refunds.RefundSucceeded);
        if (paidOut is not null && (approved is null || approved.Version > paidOut.Version))
        {
            return new Finding(Name, "refund-approval-missing", paidOut.At, requested?.Actor?.Subject, place.Department, place.Service, place.RequestId,
                $"a refund reached the provider ({paidOut.Type}) with no second person's approval",
                [.. new[] { requested, paidOut }.OfType<OversightEvent>().Select(e => e.Cite())]);
        }
        return null;
    }

    private Finding? AssistedSubmitter(RequestHistory request, OversightEvent decision) =>
        request.Submitted is { Channel: SubmissionChannel.Assisted } s && OversightEvent.SamePerson(s.SubmittedBy, decision.Actor)
            ? Make(request, decision, "assisted-submitter-decided", $"{decision.Actor!.Subject} submitted this request for the applicant at a service centre and then decided it", [request.Opening!.Cite(), decision.Cite()])
            : null;

    private static Finding Make(RequestHistory request, OversightEvent e, string rule, string summary, IReadOnlyList<Evidence> evidence) =>
        new(Name, rule, e.At, e.Actor?.Subject, e.Actor?.Department ?? request.DepartmentAt(e), request.ServiceCode, request.RequestId, summary, evidence);
}
