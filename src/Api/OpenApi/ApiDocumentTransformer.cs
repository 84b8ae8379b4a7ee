using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace MyGovernment.Api.OpenApi;

/// <summary>
/// The document's title and description, the bearer scheme, and the two problem shapes every error response
/// refers to (ProblemExceptionHandler writes them, always with a stable <c>code</c>).
/// </summary>
public sealed class ApiDocumentTransformer : IOpenApiDocumentTransformer
{
    public const string BearerScheme = "Bearer";
    public const string Problem = "ProblemDetails";
    public const string ValidationProblem = "ValidationProblemDetails";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "My Government API",
            Version = "v1",
            Description =
                "The transaction engine of the national e-government portal: citizens request government services and pay " +
                "their fees, departments process them, auditors check them. Every error is application/problem+json with a " +
                "stable `code`; titles and field messages are in Arabic or English by `Accept-Language` (ar, en; default en). " +
                "Commands on an existing request take the version the client last saw (`If-Match` with the ETag, or " +
                "`expectedVersion` in the body) and answer with the new version as `ETag`.",
        };

        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "An access token from the government identity provider (in Development: POST /dev/tokens).",
        };

        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas[Problem] = ProblemSchema(withErrors: false);
        document.Components.Schemas[ValidationProblem] = ProblemSchema(withErrors: true);
        // Every answer of an endpoint returning IResult is typed by [ProducesResponseType]; the placeholder is unused.
        document.Components.Schemas.Remove(BodiesAndMediaTransformer.Untyped);
        return Task.CompletedTask;
    }

    private static OpenApiSchema ProblemSchema(bool withErrors)
    {
        var properties = new Dictionary<string, IOpenApiSchema>
        {
            ["type"] = Text("A URI reference that identifies the problem type."),
            ["title"] = Text("A short summary of the problem, in the request's language."),
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Description = "The HTTP status code." },
            ["detail"] = Text("What went wrong in this case, in the request's language where the code is known."),
            ["instance"] = Text("The request path."),
            ["code"] = Text("A stable, machine-readable error code, e.g. validation_failed, stale_version, fee_not_paid."),
            ["traceId"] = Text("Correlates the response with the server's logs."),
        };
        if (withErrors)
        {
            properties["errors"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = "Messages per field (camelCase path, e.g. form.floors), in the request's language.",
                AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
            };
        }
        return new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = withErrors ? "RFC 9457 problem details with field errors." : "RFC 9457 problem details.",
            Properties = properties,
            // errors is not required: a body that is not JSON at all (invalid_json, bad_request) has no fields to name.
            Required = withErrors ? new HashSet<string> { "title", "status", "code" } : new HashSet<string> { "title", "status" },
        };
    }

    private static OpenApiSchema Text(string description) => new() { Type = JsonSchemaType.String, Description = description };
}
