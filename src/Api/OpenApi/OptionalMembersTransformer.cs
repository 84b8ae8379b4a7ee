using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace MyGovernment.Api.OpenApi;

/// <summary>
/// Takes nullable members and members with a default value out of <c>required</c>. The generator lists every
/// constructor parameter of a record as required, so a validating client refused bodies the API accepts (a token
/// without <c>department</c>, a claim with If-Match but no <c>expectedVersion</c>). A member the API can do without is
/// optional in the document; a member whose absence the API refuses stays required.
/// </summary>
public sealed class OptionalMembersTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonPropertyInfo is not null || context.JsonTypeInfo.Kind != JsonTypeInfoKind.Object || schema.Required is not { Count: > 0 } required)
        {
            return Task.CompletedTask;
        }
        foreach (var property in context.JsonTypeInfo.Properties.Where(MayBeLeftOut))
        {
            required.Remove(property.Name);
        }
        return Task.CompletedTask;
    }

    private static bool MayBeLeftOut(JsonPropertyInfo property) =>
        property.IsSetNullable
        || property.AssociatedParameter is { } parameter && (parameter.HasDefaultValue || parameter.IsNullable);
}
