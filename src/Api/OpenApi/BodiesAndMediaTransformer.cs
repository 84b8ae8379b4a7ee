using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace MyGovernment.Api.OpenApi;

/// <summary>
/// Request bodies an endpoint reads itself (<see cref="RawBodyAttribute"/>), 304 on reads that honour If-None-Match,
/// and no placeholder <c>IResult</c> answers: an endpoint returning <c>IResult</c> states its real answers with
/// <c>[ProducesResponseType]</c>, and the framework's untyped 200 beside them would be a false promise.
/// </summary>
public sealed class BodiesAndMediaTransformer : IOpenApiOperationTransformer
{
    public const string Untyped = "IResult";

    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        if (metadata.OfType<RawBodyAttribute>().FirstOrDefault() is { } raw)
        {
            IOpenApiSchema schema = raw.SchemaType is null
                ? new OpenApiSchema { Type = JsonSchemaType.String, Format = raw.MediaTypes.All(m => m.StartsWith("text/", StringComparison.Ordinal)) ? null : "binary" }
                : await context.GetOrCreateSchemaAsync(raw.SchemaType, null, cancellationToken);
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = raw.MediaTypes.ToDictionary(m => m, _ => new OpenApiMediaType { Schema = schema }),
            };
        }

        var responses = operation.Responses ??= new OpenApiResponses();
        foreach (var status in responses.Where(r => IsUntyped(r.Value)).Select(r => r.Key).ToList())
        {
            responses.Remove(status);
        }
        if (HttpMethods.IsGet(context.Description.HttpMethod ?? "") && metadata.OfType<ProducesETagAttribute>().Any())
        {
            responses["304"] = new OpenApiResponse { Description = "Not modified: If-None-Match names the current ETag." };
        }
    }

    private static bool IsUntyped(IOpenApiResponse response) =>
        response.Content?.Values.Any(m => m.Schema is OpenApiSchemaReference { Reference.Id: Untyped }) == true;
}
