using JasperFx.Events;
using MyGovernment.Domain.ServiceRequests;

namespace MyGovernment.Projections.ServiceRequests;

/// <summary>The required documents of a request: what is still needed, and which issued documents it relies on.</summary>
public sealed partial class ServiceRequestDetailsProjection
{
    public static void Apply(IEvent<DocumentsRequired> e, ServiceRequestDetails view)
    {
        Touch(view, e, e.Data.At);
        view.Documents = [.. e.Data.Documents.Select(d => new RequestDocumentDetails(d.Code, d.Name, d.IssuedByGovernment, d.IssuingServiceCode, d.ValidityDays))];
        Recount(view);
    }

    public static void Apply(IEvent<DocumentsAttached> e, ServiceRequestDetails view)
    {
        Touch(view, e, e.Data.At);
        Uploaded(view, e.Data.Documents);
    }

    public static void Apply(IEvent<IssuedDocumentReferenced> e, ServiceRequestDetails view)
    {
        Touch(view, e, e.Data.At);
        Replace(view, e.Data.DocumentCode, d => d with
        {
            SuppliedBy = "reference", VerificationCode = e.Data.VerificationCode, ValidUntil = e.Data.ValidUntil, Revoked = false,
        });
        if (!view.ReferencedCodes.Contains(e.Data.VerificationCode))
        {
            view.ReferencedCodes.Add(e.Data.VerificationCode);
        }
    }

    public static void Apply(IEvent<ReferencedDocumentRevoked> e, ServiceRequestDetails view)
    {
        Touch(view, e, e.Data.At);
        Replace(view, e.Data.DocumentCode, d => d.VerificationCode == e.Data.VerificationCode ? d with { Revoked = true } : d);
    }

    /// <summary>An upload for a required document supplies it (replacing a revoked reference); other uploads change nothing here.</summary>
    private static void Uploaded(ServiceRequestDetails view, IReadOnlyList<DocumentReference> documents)
    {
        foreach (var document in documents)
        {
            Replace(view, document.DocumentType, d => d with { SuppliedBy = "upload", VerificationCode = null, ValidUntil = null, Revoked = false });
        }
    }

    private static void Replace(ServiceRequestDetails view, string code, Func<RequestDocumentDetails, RequestDocumentDetails> change)
    {
        var index = view.Documents.FindIndex(d => string.Equals(d.Code, code, StringComparison.OrdinalIgnoreCase));
        if (index >= 0)
        {
            view.Documents[index] = change(view.Documents[index]);
            Recount(view);
        }
    }

    private static void Recount(ServiceRequestDetails view)
    {
        view.MissingDocuments = [.. view.Documents.Where(d => d.SuppliedBy is null || d.Revoked).Select(d => d.Code)];
        view.Flags = view.Documents.Any(d => d.Revoked)
            ? view.Flags | RequestFlags.ReliesOnRevokedDocument
            : view.Flags & ~RequestFlags.ReliesOnRevokedDocument;
    }
}
