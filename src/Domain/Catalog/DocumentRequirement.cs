namespace MyGovernment.Domain.Catalog;

/// <summary>
/// A required document as a request needs it: the catalog's <see cref="RequiredDocument"/> plus, when the government
/// issues it, which service issues it, how long an issued one stays valid and whose it must be.
/// </summary>
public sealed record DocumentRequirement(
    string Code,
    LocalizedText Name,
    bool IssuedByGovernment,
    string? IssuingServiceCode = null,
    int? ValidityDays = null,
    string? HolderField = null)
{
    /// <summary>Whether an issued document can be referenced for it instead of uploading a file.</summary>
    public bool CanBeReferenced => IssuingServiceCode is not null && ValidityDays is not null;

    public static DocumentRequirement From(RequiredDocument document) => new(document.Code, document.Name, document.IssuedByGovernment);

    /// <summary>The requirements after a source is defined for one of them (pure; an unknown code changes nothing).</summary>
    public static IReadOnlyList<DocumentRequirement> WithSource(IReadOnlyList<DocumentRequirement> requirements, RequiredDocumentSourceDefined e) =>
        [.. requirements.Select(r => string.Equals(r.Code, e.DocumentCode, StringComparison.OrdinalIgnoreCase)
            ? r with { IssuingServiceCode = e.IssuingServiceCode, ValidityDays = e.ValidityDays, HolderField = e.HolderField }
            : r)];
}
