using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace MyGovernment.Api.OpenApi;

/// <summary>
/// Documents optimistic concurrency and idempotency on the wire: If-Match and Idempotency-Key in, ETag out, and
/// Location on every 201.
/// </summary>
public sealed class VersionHeadersTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var traits = EndpointTraits.Of(context.Description);
        if (traits.IsVersionedCommand)
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = "If-Match",
                In = ParameterLocation.Header,
                Required = false,
                Description = "The request's ETag as last read, e.g. \"3\". A stale value is 412; without it, expectedVersion in the body is required (a stale one is 409).",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            });
        }
        if (string.Equals(context.Description.HttpMethod, "POST", StringComparison.OrdinalIgnoreCase)
            && context.Description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true
            && !context.Description.RelativePath.StartsWith("api/payments/webhooks", StringComparison.Ordinal))
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = "Idempotency-Key",
                In = ParameterLocation.Header,
                Required = false,
                Description = "1-100 printable ASCII characters, unique per logical operation of this caller. A retry with the same key and body replays the first response; with another body it is 422; while the first is still running, 409.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 100 },
            });
        }
        foreach (var (status, response) in operation.Responses ?? [])
        {
            if (response is not OpenApiResponse concrete)
            {
                continue;
            }
            if (status == "201")
            {
                AddHeader(concrete, "Location", "Where the created object can be read.");
            }
            if (status == "200" && traits.ReturnsETag)
            {
                AddHeader(concrete, "ETag", "The object's version after this response, e.g. \"4\": send it back as If-Match.");
            }
        }
        return Task.CompletedTask;
    }

    private static void AddHeader(OpenApiResponse response, string name, string description)
    {
        response.Headers ??= new Dictionary<string, IOpenApiHeader>();
        response.Headers[name] = new OpenApiHeader { Description = description, Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
    }
}
