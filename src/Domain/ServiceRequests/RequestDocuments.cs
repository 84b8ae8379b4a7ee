using MyGovernment.Domain.Catalog;

namespace MyGovernment.Domain.ServiceRequests;

/// <summary>How one required document was supplied: an uploaded file, or an issued document referenced by its code.</summary>
public sealed record SuppliedDocument(string Code, string? VerificationCode, bool Revoked);

/// <summary>
/// What a request must collect (the requirements recorded at submission) and what it has so far. Requests submitted
/// before requirements were recorded have none, so nothing is enforced on them.
/// </summary>
public sealed record RequestDocuments(
    IReadOnlyList<DocumentRequirement> Required, IReadOnlyDictionary<string, SuppliedDocument> Supplied, IReadOnlyDictionary<string, string> Holders)
{
    public static readonly RequestDocuments None = new([], new Dictionary<string, SuppliedDocument>(), new Dictionary<string, string>());

    /// <summary>Required documents not supplied at all.</summary>
    public IReadOnlyList<DocumentRequirement> Missing => [.. Required.Where(r => !Supplied.ContainsKey(r.Code))];

    /// <summary>Referenced documents revoked since, and not replaced.</summary>
    public IReadOnlyList<SuppliedDocument> Revoked => [.. Supplied.Values.Where(s => s.Revoked)];

    public DocumentRequirement? Requirement(string code) =>
        Required.FirstOrDefault(r => string.Equals(r.Code, code, StringComparison.OrdinalIgnoreCase));

    /// <summary>Folds the document events; other events leave it as it is.</summary>
    public RequestDocuments Evolve(object @event) => @event switch
    {
        DocumentsRequired e => this with { Required = e.Documents, Holders = e.Holders },
        DocumentsAttached e => Uploaded(e.Documents),
        ApplicantResponded e => Uploaded(e.Documents),
        IssuedDocumentReferenced e => With(new SuppliedDocument(e.DocumentCode, e.VerificationCode, Revoked: false)),
        ReferencedDocumentRevoked e when Supplied.TryGetValue(e.DocumentCode, out var s) && s.VerificationCode == e.VerificationCode =>
            With(s with { Revoked = true }),
        _ => this,
    };

    // An upload for a required document supplies it (and replaces a revoked reference); other uploads are supporting material.
    private RequestDocuments Uploaded(IReadOnlyList<DocumentReference> documents) =>
        documents.Select(d => Requirement(d.DocumentType)).OfType<DocumentRequirement>()
            .Aggregate(this, (docs, r) => docs.With(new SuppliedDocument(r.Code, null, Revoked: false)));

    private RequestDocuments With(SuppliedDocument supplied) =>
        this with { Supplied = new Dictionary<string, SuppliedDocument>(Supplied) { [supplied.Code] = supplied } };
}
