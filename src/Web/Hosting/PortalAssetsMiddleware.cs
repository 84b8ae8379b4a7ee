using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace MyGovernment.Web.Hosting;

/// <summary>Serves <see cref="PortalAssets"/>: immutable for a year, in the smallest encoding the browser accepts.</summary>
public sealed class PortalAssetsMiddleware(RequestDelegate next, PortalAssets assets)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method)
            || !context.Request.Path.StartsWithSegments("/assets")
            || assets.Find(context.Request.Path.Value!) is not { } asset)
        {
            await next(context);
            return;
        }
        var accepted = context.Request.Headers.AcceptEncoding.ToString();
        var (body, encoding) = asset switch
        {
            { Brotli: { } br } when accepted.Contains("br", StringComparison.Ordinal) => (br, "br"),
            { Gzip: { } gz } when accepted.Contains("gzip", StringComparison.Ordinal) => (gz, "gzip"),
            _ => (asset.Bytes, (string?)null),
        };
        var headers = context.Response.Headers;
        headers.CacheControl = "public, max-age=31536000, immutable";
        headers.Vary = HeaderNames.AcceptEncoding;
        if (encoding is not null)
        {
            headers.ContentEncoding = encoding;
        }
        context.Response.ContentType = asset.ContentType;
        context.Response.ContentLength = body.Length;
        if (HttpMethods.IsGet(context.Request.Method))
        {
            await context.Response.Body.WriteAsync(body, context.RequestAborted);
        }
    }
}
