using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using MyGovernment.Domain.Catalog;
using MyGovernment.Projections.Catalog;
using MyGovernment.Projections.ServiceRequests;
using Wolverine.Http;

namespace MyGovernment.Api.ServiceRequests;

/// <summary>What anyone may learn from a verification code: nothing personal beyond what the holder shows.</summary>
public sealed record DocumentVerification(
    string VerificationCode, bool Genuine, bool Revoked, string ServiceCode, LocalizedText? ServiceName, string IssuingDepartment, DateTimeOffset IssuedAt);

public static class VerifyDocumentEndpoint
{
    [AllowAnonymous]
    [WolverineGet("/api/documents/verify/{code}", OperationId = "VerifyDocument")]
    [Tags("Documents")]
    [EndpointSummary("Verify an issued document")]
    [EndpointDescription("Anyone holding a verification code (printed on the document or in its QR code) can check that the document is genuine and not revoked. Nothing personal is returned.")]
    public static async Task<Results<Ok<DocumentVerification>, ProblemHttpResult>> Get(string code, IQuerySession session, CancellationToken ct)
    {
        var normalised = code.Trim().ToUpperInvariant();
        var document = normalised.Length == 16 ? await session.LoadAsync<IssuedDocument>(normalised, ct) : null;
        if (document is null)
        {
            return TypedResults.Problem(statusCode: 404, title: "Not found", detail: "No document was issued with this verification code.",
            extensions: new Dictionary<string, object?> { ["code"] = "issued_document_not_found" });
        }
        var service = await session.LoadAsync<ServiceCatalogEntry>(CatalogIds.Service(document.ServiceCode), ct);
        return TypedResults.Ok(new DocumentVerification(
            document.Id, !document.Revoked, document.Revoked, document.ServiceCode, service?.Name, document.IssuingDepartment, document.IssuedAt));
    }
}
