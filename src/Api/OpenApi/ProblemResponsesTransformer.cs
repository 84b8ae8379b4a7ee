using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace MyGovernment.Api.OpenApi;

/// <summary>
/// Adds the problem+json responses DESIGN §10 promises, derived from the endpoint's traits: a token → 401, a role →
/// 403, an object in the route → 404, every operation → 400 (the input guards read any query value), a body → 413 and 415, a call to the payment provider → 502, a command → 409/422, a versioned command → 412,
/// anything that reaches the database → 503 (for a state-changing request also when the node is busy), and every operation → 429 (the rate limiter guards public reads too).
/// </summary>
public sealed class ProblemResponsesTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var traits = EndpointTraits.Of(context.Description);
        var responses = operation.Responses ??= new OpenApiResponses();
        void Add(bool applies, int status, string description, string schema = ApiDocumentTransformer.Problem)
        {
            if (applies)
            {
                responses[status.ToString(System.Globalization.CultureInfo.InvariantCulture)] = new OpenApiResponse
                {
                    Description = description,
                    Content = new Dictionary<string, OpenApiMediaType>
                    {
                        ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference(schema, context.Document) },
                    },
                };
            }
        }

        // Every operation: the NUL and card-data guards read any query value, even one the operation does not take.
        Add(true, 400,
            "Invalid input: field errors by name, in Arabic or English by Accept-Language (code validation_failed, invalid_json or bad_request).",
            ApiDocumentTransformer.ValidationProblem);
        Add(traits.RequiresToken, 401, "No valid bearer token.");
        Add(traits.RequiresRole, 403, "The token's role may not call this operation.");
        Add(traits.AddressesAnObject, 404, "No such object, or it is not visible to the caller (a foreign object is never revealed).");
        Add(traits.SendsCommand, 409,
            "Someone else changed the object at the same time, or it already exists (code concurrency_conflict or duplicate). Reload and retry.");
        Add(traits.IsVersionedCommand, 412, "If-Match is not the request's current version (code stale_version). Reload and retry.");
        Add(traits.HasBody, 413, "The request body is too large.");
        Add(traits.HasBody, 415, "The body is not JSON: send Content-Type application/json.");
        Add(traits.SendsCommand, 422, "A business rule refused the command; `code` names the rule (e.g. fee_not_paid, maker_checker).");
        Add(true, 429, "Too many requests: slow down and retry after the Retry-After interval.");
        Add(traits.CallsPaymentProvider, 502,
            "The payment provider could not be reached or refused the call (code payment_provider_unavailable or provider_unavailable); nothing was charged, retry later.");
        // State-changing API requests pass admission control (CommandAdmission); reads never wait for a place.
        var admitted = context.Description.HttpMethod is "POST" or "PUT" or "PATCH" or "DELETE"
            && context.Description.RelativePath?.StartsWith("api/", StringComparison.OrdinalIgnoreCase) == true;
        Add(traits.UsesDatabase && !admitted, 503, "The database is unavailable (code database_unavailable); retry after the Retry-After interval.");
        Add(traits.UsesDatabase && admitted, 503,
            "The database is unavailable, or the node already runs as many commands as it takes at once (code database_unavailable or server_busy); retry after the Retry-After interval.");
        if (!traits.AddressesAnObject && responses.TryGetValue("404", out var missing) && missing.Content is not { Count: > 0 })
        {
            // Wolverine documents a bare 404 for every endpoint with a response body; a list cannot miss. An endpoint
            // whose body names another object (a submission to an unknown service) declares its 404 problem itself.
            responses.Remove("404");
        }
        // Status order, so the document reads (and diffs) the same way whatever order the responses were added in.
        var sorted = responses.OrderBy(r => r.Key, StringComparer.Ordinal).ToList();
        responses.Clear();
        foreach (var (status, response) in sorted)
        {
            responses[status] = response;
        }
        return Task.CompletedTask;
    }
}
