using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace MyGovernment.Web.Hosting;

/// <summary>
/// A content security policy with no script at all (every page works without it), nothing from another site, and
/// forms only to us or the payment provider. Pages that show personal data are never stored by a cache.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next, IOptions<PortalOptions> options)
{
    private readonly string _policy = string.Join("; ",
        "default-src 'none'",
        "script-src 'none'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "form-action 'self'" + string.Concat(options.Value.FormActionOrigins.Select(o => " " + o)),
        "frame-ancestors 'none'",
        "base-uri 'none'");

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = _policy;
            headers.XContentTypeOptions = "nosniff";
            // Request and payment IDs are in our paths: they must not leak to another site in a Referer.
            headers["Referrer-Policy"] = "same-origin";
            if (!headers.ContainsKey("Cache-Control"))
            {
                headers.CacheControl = context.User.Identity?.IsAuthenticated == true ? "private, no-store" : "no-cache";
            }
            return Task.CompletedTask;
        });
        return next(context);
    }
}
