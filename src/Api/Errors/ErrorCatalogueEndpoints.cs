using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Wolverine.Http;

namespace MyGovernment.Api.Errors;

/// <summary>One entry of the error catalogue as served at a problem's <c>type</c>.</summary>
public sealed record ErrorCatalogueEntry(string Code, int Status, Bilingual Title, Bilingual Detail, string? Context, string Type)
{
    public static ErrorCatalogueEntry Of(ErrorEntry entry) =>
        new(entry.Code, entry.Status, entry.Title, entry.Detail, entry.Context, ErrorCatalogue.TypeFor(entry.Code));
}

/// <summary>
/// A problem's <c>type</c> is <c>/errors/{code}</c>: it resolves, against the API's own address, to the catalogue
/// entry of that code, in both languages. Public, like the problems that point here.
/// </summary>
public static class ErrorCatalogueEndpoints
{
    [AllowAnonymous]
    [WolverineGet("/errors", OperationId = "ListErrors")]
    [Tags("Errors")]
    [EndpointSummary("List the error catalogue")]
    [EndpointDescription("Public: every code a problem can carry, with its status and its title and detail in English and Arabic.")]
    public static IReadOnlyList<ErrorCatalogueEntry> List() => [.. ErrorCatalogue.All.Select(ErrorCatalogueEntry.Of)];

    [AllowAnonymous]
    [WolverineGet("/errors/{code}", OperationId = "GetError")]
    [Tags("Errors")]
    [EndpointSummary("Read one error code")]
    [EndpointDescription("Public: the catalogue entries of one code (more than one where a code is worded for a situation or answered with another status).")]
    public static Results<Ok<IReadOnlyList<ErrorCatalogueEntry>>, ProblemHttpResult> Get(string code)
    {
        IReadOnlyList<ErrorCatalogueEntry> entries = [.. ErrorCatalogue.All.Where(e => e.Code == code).Select(ErrorCatalogueEntry.Of)];
        return entries.Count > 0
            ? TypedResults.Ok(entries)
            : TypedResults.Problem(statusCode: 404, extensions: new Dictionary<string, object?> { ["code"] = "error_code_not_found" });
    }
}
