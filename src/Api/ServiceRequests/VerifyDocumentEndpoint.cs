using Marten;
using Microsoft.AspNetCore.Authorization;
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
    public static async Task<IResult> Get(string code, IQuerySession session, CancellationToken ct)
    {
        var normalised = code.Trim().ToUpperInvariant();
        var document = normalised.Length == 16 ? await session.LoadAsync<IssuedDocument>(normalised, ct) : null;
        if (document is null)
        {
            return Results.Problem(statusCode: 404, title: "Not found", detail: "No document was issued with this verification code.");
        }
        var service = await session.LoadAsync<ServiceCatalogEntry>(CatalogIds.Service(document.ServiceCode), ct);
        return Results.Ok(new DocumentVerification(
            document.Id, !document.Revoked, document.Revoked, document.ServiceCode, service?.Name, document.IssuingDepartment, document.IssuedAt));
    }
}
