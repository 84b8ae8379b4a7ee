using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using MyGovernment.Api.Idempotency;
using MyGovernment.Api.Identity;
using MyGovernment.Application.Catalog;
using Wolverine;
using Wolverine.Http;

namespace MyGovernment.Api.Catalog;

public sealed record DefineRequiredDocumentSourceBody(string? IssuingServiceCode, int? ValidityDays, string? HolderField);

public static class DefineRequiredDocumentSourceEndpoint
{
    private const string Description =
        "Tell us once: a required document marked as issued by the government may be supplied by the verification code of a " +
        "document issued by issuingServiceCode, at most validityDays old, issued to the applicant or, with holderField, to the " +
        "person whose national ID that form field holds. Applies to requests submitted from now on; a new definition replaces the old.";

    [Authorize(Roles = Roles.Admin)]
    [WolverinePost("/api/admin/services/{code}/required-documents/{documentCode}/source", OperationId = "DefineRequiredDocumentSource")]
    [Tags("Catalog administration")]
    [EndpointSummary("Accept an issued document for a required document")]
    [EndpointDescription(Description)]
    public static Task<Ok<RequiredDocumentSourceResponse>> Post(
        string code, string documentCode, DefineRequiredDocumentSourceBody body, HttpContext http, IMessageBus bus, CancellationToken ct) =>
        IdempotentCommand.InvokeAsync<RequiredDocumentSourceResponse, Ok<RequiredDocumentSourceResponse>>(http, bus,
            new DefineRequiredDocumentSource(code, documentCode, body.IssuingServiceCode ?? "", body.ValidityDays ?? 0, body.HolderField, http.User.ToActor()),
            TypedResults.Ok, ct);
}
