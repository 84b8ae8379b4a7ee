using Scalar.AspNetCore;

namespace MyGovernment.Api.OpenApi;

/// <summary>
/// The OpenAPI 3.1 document at /openapi/v1.json (and the Scalar reference at /scalar in Development). Our transformers
/// derive the error responses, security and version headers from each endpoint's metadata, so a new endpoint is
/// documented completely as soon as it has its summary, tags and typed results.
/// </summary>
public static class OpenApiSetup
{
    public static void AddMyGovernmentOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer<ApiDocumentTransformer>();
            options.AddOperationTransformer<BearerSecurityTransformer>();
            options.AddOperationTransformer<ProblemResponsesTransformer>();
            options.AddOperationTransformer<VersionHeadersTransformer>();
            options.AddOperationTransformer<BodiesAndMediaTransformer>();
            options.AddSchemaTransformer<OptionalMembersTransformer>();
            options.AddDocumentTransformer<TagsAndServersTransformer>();
        });

    public static void MapMyGovernmentOpenApi(this WebApplication app)
    {
        app.MapOpenApi();
        if (app.Environment.IsDevelopment())
        {
            app.MapScalarApiReference();
        }
    }
}
