using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace MyGovernment.Api.OpenApi;

/// <summary>
/// Marks every operation that needs a token with the bearer scheme, read from its [Authorize] metadata, and every other
/// one as anonymous (an empty requirement), so a client knows it may call it without a token.
/// </summary>
public sealed class BearerSecurityTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (EndpointTraits.Of(context.Description).RequiresToken)
        {
            operation.Security =
            [
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiDocumentTransformer.BearerScheme, context.Document)] = [] },
            ];
        }
        else
        {
            operation.Security = [new OpenApiSecurityRequirement()];
        }
        return Task.CompletedTask;
    }
}
