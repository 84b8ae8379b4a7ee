using System.Buffers;
using Microsoft.AspNetCore.Http.Features;

namespace MyGovernment.Api.Hosting;

/// <summary>The largest request body accepted (configuration <c>Limits:MaxBodyBytes</c>, 256 KB by default).</summary>
public sealed class RequestLimitsOptions
{
    public long MaxBodyBytes { get; set; } = 256 * 1024;
}

/// <summary>
/// Endpoint metadata for the rare endpoint whose bodies may be larger than <c>Limits:MaxBodyBytes</c> (document
/// uploads): its own limit, from its own configuration. Every other endpoint keeps the global limit.
/// </summary>
public interface IRequestBodyLimitOverride
{
    long MaxBodyBytes(IServiceProvider services);
}

/// <summary>
/// Refuses request bodies over the limit with 413 before any endpoint reads them. Kestrel enforces the limit
/// itself once it is set on the request; the explicit checks cover a declared Content-Length and servers without
/// that feature (the test server), whose bodies of unknown length are counted while being buffered. A body read
/// failure inside the endpoint's JSON binding would otherwise surface as a plain 400.
/// </summary>
public sealed class RequestBodyLimitMiddleware(RequestDelegate next, Microsoft.Extensions.Options.IOptions<RequestLimitsOptions> options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        // Routing ran before this middleware (WebApplication puts it first), so the endpoint is known here.
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestBodyLimitOverride>()?.MaxBodyBytes(context.RequestServices)
            ?? options.Value.MaxBodyBytes;
        var request = context.Request;
        if (request.ContentLength > limit)
        {
            throw TooLarge(limit);
        }
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } kestrel)
        {
            kestrel.MaxRequestBodySize = limit;
        }
        else if (request.ContentLength is null && (HttpMethods.IsPost(request.Method) || HttpMethods.IsPut(request.Method) || HttpMethods.IsPatch(request.Method)))
        {
            await BufferWithinLimitAsync(request, limit, context.RequestAborted);
        }
        await next(context);
    }

    private static async Task BufferWithinLimitAsync(HttpRequest request, long limit, CancellationToken ct)
    {
        request.EnableBuffering();
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            long total = 0;
            int read;
            while ((read = await request.Body.ReadAsync(buffer, ct)) > 0)
            {
                total += read;
                if (total > limit)
                {
                    throw TooLarge(limit);
                }
            }
            request.Body.Position = 0;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static BadHttpRequestException TooLarge(long limit) =>
        new($"The request body is larger than the limit of {limit} bytes.", StatusCodes.Status413PayloadTooLarge);
}
