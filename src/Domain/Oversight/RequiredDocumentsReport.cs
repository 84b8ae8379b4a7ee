using MyGovernment.Domain.ServiceRequests;

namespace MyGovernment.Domain.Oversight;

/// <summary>
/// Report 12: a request approved or issued while a required document was missing, or while relying on a referenced
/// document that had been revoked before (the domain refuses both; a revocation that reached the request late, or
/// events written around the domain, are what this catches).
/// </summary>
public sealed class RequiredDocumentsReport : IOversightReport
{
    public const string Name = "required-documents";
    public const string Missing = "decided-with-document-missing";
    public const string Revoked = "decided-on-revoked-document";

    public ReportDescriptor Descriptor { get; } = new(12, Name, "Required documents",
        "For each request whose required documents were recorded at submission (DocumentsRequired), each approval and each issue is checked "
        + "against the request folded up to just before it: a required document not supplied fires decided-with-document-missing; a "
        + "referenced issued document whose revocation (DocumentRevoked on the issuing request) happened before it, and that was not replaced, "
        + "fires decided-on-revoked-document. At most one finding per request and rule, at the first such event.",
        [Missing, Revoked]);

    public IEnumerable<Finding> Find(OversightData data, OversightSettings settings, ReportScope scope)
    {
        var revocations = data.Requests.SelectMany(r => r.Events).Where(e => e.Data is DocumentRevoked)
            .ToLookup(e => ((DocumentRevoked)e.Data).VerificationCode);
        foreach (var request in data.Requests)
        {
            var required = request.Events.FirstOrDefault(e => e.Data is DocumentsRequired);
            if (required is null)
            {
                continue;
            }
            var fired = new HashSet<string>();
            foreach (var decision in request.Events.Where(e => e.Data is RequestApproved or DocumentIssued))
            {
                var before = request.Events.Where(e => e.Version < decision.Version)
                    .Aggregate((ServiceRequest?)null, (state, e) => ServiceRequest.Evolve(state, e.Data));
                var documents = before?.Documents ?? RequestDocuments.None;
                if (documents.Missing is { Count: > 0 } missing && fired.Add(Missing))
                {
                    yield return Finding(request, decision, Missing,
                        $"{decision.Type} while required documents were missing: {string.Join(", ", missing.Select(d => d.Code))}",
                        [required.Cite(), decision.Cite()]);
                }
                foreach (var supplied in documents.Supplied.Values.Where(s => s.VerificationCode is not null))
                {
                    var revocation = revocations[supplied.VerificationCode!].FirstOrDefault(r => r.At < decision.At);
                    var reference = request.Events.LastOrDefault(e => e.Version < decision.Version
                        && e.Data is IssuedDocumentReferenced r && r.VerificationCode == supplied.VerificationCode);
                    if (revocation is not null && reference is not null && fired.Add(Revoked))
                    {
                        yield return Finding(request, decision, Revoked,
                            $"{decision.Type} relying on {supplied.Code} {supplied.VerificationCode}, revoked at {revocation.At:O} before it",
                            [reference.Cite(), revocation.Cite(), decision.Cite()]);
                    }
                }
            }
        }
    }

    private static Finding Finding(RequestHistory request, OversightEvent decision, string rule, string summary, IReadOnlyList<Evidence> evidence) =>
        new(Name, rule, decision.At, decision.Actor?.Subject, decision.Actor?.Department ?? request.DepartmentAt(decision), request.ServiceCode,
            request.RequestId, summary, evidence);
}
