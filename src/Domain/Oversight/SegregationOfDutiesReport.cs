using MyGovernment.Domain.ServiceRequests;

namespace MyGovernment.Domain.Oversight;

/// <summary>
/// Report 1. The domain refuses these pairs (maker-checker, assisted submitter), so a finding means the events
/// were written some other way: an older version, a migration, a direct database edit. Refund request/approve
/// joins when refunds exist; assess/waive fee has no waiver event yet.
/// </summary>
public sealed class SegregationOfDutiesReport : IOversightReport
{
    public const string Name = "segregation-of-duties";

    public ReportDescriptor Descriptor { get; } = new(1, Name, "Segregation of duties",
        "One person on both sides of an incompatible pair: the maker of a decision proposal is its checker (same subject, or the same national ID under another subject); a decision on a service that needs a second approver was taken by one person alone; an officer who submitted a request on the assisted channel acted on its decision.",
        ["maker-checker", "second-approver-missing", "assisted-submitter-decided"]);

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
    }

    private Finding? AssistedSubmitter(RequestHistory request, OversightEvent decision) =>
        request.Submitted is { Channel: SubmissionChannel.Assisted } s && OversightEvent.SamePerson(s.SubmittedBy, decision.Actor)
            ? Make(request, decision, "assisted-submitter-decided", $"{decision.Actor!.Subject} submitted this request for the applicant at a service centre and then decided it", [request.Opening!.Cite(), decision.Cite()])
            : null;

    private static Finding Make(RequestHistory request, OversightEvent e, string rule, string summary, IReadOnlyList<Evidence> evidence) =>
        new(Name, rule, e.At, e.Actor?.Subject, e.Actor?.Department ?? request.DepartmentAt(e), request.ServiceCode, request.RequestId, summary, evidence);
}
