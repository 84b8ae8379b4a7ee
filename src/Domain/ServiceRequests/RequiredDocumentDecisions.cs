using MyGovernment.Domain.Catalog;
using MyGovernment.Domain.Common;

namespace MyGovernment.Domain.ServiceRequests;

/// <summary>What the engine knows about an issued document, read by the handler from the issuing request.</summary>
public sealed record IssuedDocumentFacts(
    string VerificationCode, string ServiceCode, Guid IssuingRequestId, string HolderId, DateTimeOffset IssuedAt, bool Revoked);

/// <summary>
/// Required documents: recorded at submission, supplied by upload or by reference to an issued document (tell us
/// once, DESIGN §5.2), and enforced before a step completes, an approval is proposed or confirmed, or a document issues.
/// </summary>
public static class RequiredDocumentDecisions
{
    /// <summary>The service's requirements as in force at submission; the holder of each is resolved from the form now.</summary>
    public static IReadOnlyList<object> AtSubmission(Guid requestId, Service service, IReadOnlyDictionary<string, string> form, DateTimeOffset now)
    {
        if (service.Documents is not { Count: > 0 } documents)
        {
            return [];
        }
        var holders = documents
            .Where(d => d.HolderField is not null && form.TryGetValue(d.HolderField, out var id) && !string.IsNullOrWhiteSpace(id))
            .ToDictionary(d => d.Code, d => form[d.HolderField!]);
        return [new DocumentsRequired(requestId, documents, holders, now)];
    }

    /// <summary>Refuses to move on while a required document is missing or relies on a revoked reference (422 naming each).</summary>
    public static void RequireComplete(ServiceRequest request)
    {
        var documents = request.Documents ?? RequestDocuments.None;
        if (documents.Missing is { Count: > 0 } missing)
        {
            throw Guard.Rule("required_documents_missing",
                "Required documents are missing: " + string.Join(", ", missing.Select(d => $"{d.Code} ({d.Name.En})")) + ".");
        }
        if (documents.Revoked is { Count: > 0 } revoked)
        {
            throw Guard.Rule("referenced_document_revoked",
                "A referenced document was revoked; the applicant must reference or upload a replacement: "
                + string.Join(", ", revoked.Select(d => $"{d.Code} ({d.VerificationCode})")) + ".");
        }
    }

    /// <summary>The applicant (or the officer who submitted for them) attaches uploaded files; at least one.</summary>
    public static IReadOnlyList<object> Attach(ServiceRequest request, IReadOnlyList<DocumentReference> documents, Actor by, DateTimeOffset now)
    {
        Supplier(request, by);
        if (documents.Count == 0)
        {
            throw Guard.Rule("no_documents", "Attach at least one document.");
        }
        return [new DocumentsAttached(request.Id, documents, by, now)];
    }

    /// <summary>
    /// Tell us once: checks the referenced issued document at once against the requirement. Each failure is a 422
    /// naming its reason; a pass is recorded with what was checked.
    /// </summary>
    public static IReadOnlyList<object> Reference(
        ServiceRequest request, string documentCode, string verificationCode, IssuedDocumentFacts? issued, Actor by, DateTimeOffset now)
    {
        Supplier(request, by);
        var documents = request.Documents ?? RequestDocuments.None;
        var requirement = documents.Requirement(documentCode)
            ?? throw Guard.Rule("document_not_required", $"This request does not require a document '{documentCode}'.");
        if (!requirement.CanBeReferenced)
        {
            throw Guard.Rule("document_not_referenceable", $"'{requirement.Code}' is not issued by a government service here: upload it instead.");
        }
        if (issued is null)
        {
            throw Guard.Rule("reference_not_found", "No document was issued with this verification code.");
        }
        if (!string.Equals(issued.ServiceCode, requirement.IssuingServiceCode, StringComparison.OrdinalIgnoreCase))
        {
            throw Guard.Rule("reference_wrong_document", $"'{requirement.Code}' must be a document issued by {requirement.IssuingServiceCode}, not {issued.ServiceCode}.");
        }
        if (issued.Revoked)
        {
            throw Guard.Rule("reference_revoked", "The referenced document was revoked.");
        }
        var holder = documents.Holders.GetValueOrDefault(requirement.Code) ?? request.ApplicantId;
        if (!string.Equals(issued.HolderId, holder, StringComparison.Ordinal))
        {
            throw Guard.Rule("reference_not_holder", "The referenced document was issued to someone else.");
        }
        var validUntil = issued.IssuedAt.AddDays(requirement.ValidityDays!.Value);
        if (now > validUntil)
        {
            throw Guard.Rule("reference_expired", $"The referenced document is older than {requirement.ValidityDays} days and no longer valid for this request.");
        }
        return
        [
            new IssuedDocumentReferenced(request.Id, requirement.Code, issued.VerificationCode, issued.ServiceCode, issued.IssuingRequestId,
                issued.HolderId, issued.IssuedAt, validUntil, by, now),
        ];
    }

    /// <summary>
    /// A document this request referenced was revoked: flag it, unless the request is over or the reference was
    /// already replaced or flagged (so a repeated message appends nothing).
    /// </summary>
    public static IReadOnlyList<object> FlagRevoked(
        ServiceRequest request, string verificationCode, Guid issuingRequestId, string reason, DateTimeOffset revokedAt, DateTimeOffset now)
    {
        if (request.IsFinal || request.Status is ServiceRequestStatus.Issued or ServiceRequestStatus.Rejected)
        {
            return [];
        }
        return [.. (request.Documents ?? RequestDocuments.None).Supplied.Values
            .Where(s => s.VerificationCode == verificationCode && !s.Revoked)
            .Select(s => new ReferencedDocumentRevoked(request.Id, s.Code, verificationCode, issuingRequestId, reason, revokedAt, now))];
    }

    /// <summary>Documents come from the applicant, or from the officer who submitted for them at a service centre.</summary>
    private static void Supplier(ServiceRequest request, Actor by)
    {
        if (!by.IsStaff)
        {
            Guard.Applicant(request, by);
        }
        else if (request.Channel != SubmissionChannel.Assisted || !request.SubmittedBy.IsSamePersonAs(by))
        {
            throw Guard.Rule("not_document_supplier", "Documents are supplied by the applicant, or by the officer who submitted the request for them.");
        }
        Guard.NotFinal(request);
        // An approved request whose referenced document was revoked waits for its replacement before it can issue.
        if (request.IsDecided && !(request.Status == ServiceRequestStatus.Approved && request.Flags.HasFlag(RequestFlags.ReliesOnRevokedDocument)))
        {
            throw Guard.Rule("documents_locked", "The request is decided; its documents can no longer change.");
        }
    }
}
