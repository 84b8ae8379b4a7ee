using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using MyGovernment.Api.Identity;

namespace MyGovernment.Api.Hosting;

/// <summary>Section "RateLimiting": fixed one-minute windows, one per caller.</summary>
public sealed class RateLimitingOptions
{
    /// <summary>Requests a signed-in caller (the token's subject) may make per minute, from any address.</summary>
    public int PermitsPerMinute { get; set; } = 300;

    /// <summary>Requests one client address may make per minute, signed in or not (bounds anonymous callers and token farms).</summary>
    public int PermitsPerAddressPerMinute { get; set; } = 600;
}

/// <summary>
/// ASP.NET Core's rate limiter with two chained partitions: per subject and per client address. A refused request
/// is a 429 problem with Retry-After (DESIGN §10). Health probes are never limited: a load balancer must always
/// see the truth. Behind a proxy, forwarded headers must be applied first or every caller shares one address.
/// </summary>
public static class RateLimitingSetup
{
    public static void AddMyGovernmentRateLimiting(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection("RateLimiting").Get<RateLimitingOptions>() ?? new RateLimitingOptions();
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(context =>
                    context.User.Identity?.IsAuthenticated == true && !IsHealthProbe(context)
                        ? PerMinute("subject:" + context.User.Subject(), options.PermitsPerMinute)
                        : RateLimitPartition.GetNoLimiter("")),
                PartitionedRateLimiter.Create<HttpContext, string>(context =>
                    IsHealthProbe(context)
                        ? RateLimitPartition.GetNoLimiter("")
                        : PerMinute("address:" + context.Connection.RemoteIpAddress, options.PermitsPerAddressPerMinute)));
            limiter.OnRejected = RejectAsync;
        });
    }

    public static void UseMyGovernmentRateLimiting(this WebApplication app) => app.UseRateLimiter();

    private static RateLimitPartition<string> PerMinute(string key, int permits) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, permits),
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });

    private static bool IsHealthProbe(HttpContext context) => context.Request.Path.StartsWithSegments("/health");

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken ct)
    {
        var context = rejected.HttpContext;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests",
                Detail = $"Too many requests from this caller. Try again in {seconds} seconds.",
                Extensions = { ["code"] = "rate_limited" },
            },
        });
    }
}
