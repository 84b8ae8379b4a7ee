using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using MyGovernment.Api.Identity;
using MyGovernment.Domain.Catalog;
using MyGovernment.Domain.ServiceRequests;
using MyGovernment.Projections.Catalog;
using MyGovernment.Projections.ServiceRequests;
using Wolverine.Http;

namespace MyGovernment.Api.ServiceRequests.Documents;

/// <summary>One of my issued documents that would satisfy a required document of the service, valid until <see cref="ValidUntil"/>.</summary>
public sealed record DocumentOffer(
    string DocumentCode, LocalizedText DocumentName, string VerificationCode, string IssuingServiceCode, Guid IssuingRequestId,
    DateTimeOffset IssuedAt, DateTimeOffset ValidUntil);

public static class DocumentOffersEndpoint
{
    private const string Description =
        "Offer instead of asking: my own issued documents, not revoked and still within the validity the catalog defines, that " +
        "satisfy a required document of the service, so a client app can say \"we already have this\" and reference it by code. " +
        "Requirements whose document must be issued to a person named in the form are not offered (that person is known only from the form).";

    [Authorize(Roles = Roles.Citizen)]
    [WolverineGet("/api/me/document-offers", OperationId = "ListMyDocumentOffers")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [Tags("Citizen")]
    [EndpointSummary("List my issued documents that a service accepts")]
    [EndpointDescription(Description)]
    public static async Task<Results<Ok<IReadOnlyList<DocumentOffer>>, ProblemHttpResult>> Get(
        string? service, ClaimsPrincipal user, IQuerySession session, TimeProvider clock, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(service) || service.Length > 40)
        {
            throw new FluentValidation.ValidationException([new("service", "'service' is required: the code of a catalog service.")]);
        }
        var entry = await session.LoadAsync<ServiceCatalogEntry>(CatalogIds.Service(service.Trim()), ct);
        if (entry is not { Status: ServiceStatus.Published })
        {
            return TypedResults.Problem(statusCode: 404, title: "Not found", detail: $"No service with code '{service}'.");
        }
        var sources = entry.DocumentSources.Where(s => s.HolderField is null).ToList();
        var issuers = sources.Select(s => s.IssuingServiceCode).Distinct().ToArray();
        if (issuers.Length == 0)
        {
            return TypedResults.Ok<IReadOnlyList<DocumentOffer>>([]);
        }
        var applicant = user.ApplicantId();
        var issued = await session.Query<ServiceRequestDetails>()
            .Where(r => r.ApplicantId == applicant && r.VerificationCode != null && r.ServiceCode.IsOneOf(issuers))
            .ToListAsync(ct);
        var now = clock.GetUtcNow();
        var offers =
            from source in sources
            join document in issued.Where(r => !r.Flags.HasFlag(RequestFlags.Revoked)) on source.IssuingServiceCode equals document.ServiceCode
            let validUntil = document.IssuedAt!.Value.AddDays(source.ValidityDays)
            where validUntil >= now
            orderby source.DocumentCode, document.IssuedAt descending
            select new DocumentOffer(
                source.DocumentCode,
                entry.RequiredDocuments.FirstOrDefault(d => d.Code == source.DocumentCode)?.Name ?? new LocalizedText(source.DocumentCode, source.DocumentCode),
                document.VerificationCode!, document.ServiceCode, document.Id, document.IssuedAt!.Value, validUntil);
        return TypedResults.Ok<IReadOnlyList<DocumentOffer>>([.. offers]);
    }
}
