using MyGovernment.Domain.Common;

namespace MyGovernment.Api.Idempotency;

/// <summary>The validated <c>Idempotency-Key</c> of the current request, for <see cref="IdempotentCommand"/>.</summary>
public sealed record IdempotencyKeyFeature(string Key);

/// <summary>
/// Checks the <c>Idempotency-Key</c> header of every state-changing API request (an invalid key is a 400, before
/// the endpoint runs) and buffers the body, so the endpoint can fingerprint the exact bytes after binding them.
/// </summary>
public sealed class IdempotencyKeyMiddleware(RequestDelegate next)
{
    public const string Header = "Idempotency-Key";
    public const int MaxLength = 100;

    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (HttpMethods.IsPost(request.Method) && request.Path.StartsWithSegments("/api") && request.Headers.TryGetValue(Header, out var values))
        {
            var key = values.Count == 1 ? values[0] : null;
            if (key is null || key.Length is 0 or > MaxLength || key.Any(c => c is < ' ' or > '~'))
            {
                throw new FieldValidationException(new Dictionary<string, string[]>
                {
                    [Header] = [$"Send one Idempotency-Key of 1 to {MaxLength} printable ASCII characters, e.g. a UUID."],
                });
            }
            request.EnableBuffering();
            context.Features.Set(new IdempotencyKeyFeature(key));
        }
        return next(context);
    }
}
