using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace MyGovernment.Api.Errors;

/// <summary>
/// Lists the catalogue's codes on the problem schemas as <c>x-error-codes</c> (code → status and English title), and
/// says in <c>code</c>'s description where each type resolves. An extension rather than an <c>enum</c>: codes are added
/// as rules are, and an enum would make each new code a breaking change for generated clients and validating proxies.
/// </summary>
public sealed class ErrorCodesDocumentTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var schema in (document.Components?.Schemas?.Values ?? []).OfType<OpenApiSchema>()
                     .Where(s => s.Properties?.ContainsKey("code") == true && s.Properties.ContainsKey("status")))
        {
            schema.Extensions ??= new Dictionary<string, IOpenApiExtension>();
            schema.Extensions["x-error-codes"] = new JsonNodeExtension(Codes());
            if (schema.Properties!["code"] is OpenApiSchema code)
            {
                code.Description = "A stable, machine-readable error code from the error catalogue (x-error-codes; docs/errors.md). "
                    + "The problem's type is " + ErrorCatalogue.TypeBase + "{code}, served by this API.";
            }
        }
        return Task.CompletedTask;
    }

    private static JsonObject Codes()
    {
        var codes = new JsonObject();
        foreach (var entry in ErrorCatalogue.All.Where(e => e.Context is null).DistinctBy(e => e.Code).OrderBy(e => e.Code, StringComparer.Ordinal))
        {
            codes[entry.Code] = new JsonObject { ["status"] = entry.Status, ["title"] = entry.Title.En };
        }
        return codes;
    }
}
