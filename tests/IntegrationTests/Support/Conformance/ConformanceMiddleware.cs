using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace MyGovernment.IntegrationTests.Support.Conformance;

/// <summary>
/// Outermost middleware of the test host: records every request and answer, whoever sent it (an Alba scenario, an
/// HttpClient, the payment sandbox's webhooks), and checks it against the OpenAPI document. A difference is kept on
/// the exchange so the scenario that caused it fails naming it (<see cref="ThrowIfViolated"/>), and in the suite's list.
/// </summary>
public sealed class ConformanceMiddleware(RequestDelegate next, OpenApiConformance conformance)
{
    private const string ViolationsKey = "conformance.violations";

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        request.EnableBuffering();
        using var requestCopy = new MemoryStream();
        await request.Body.CopyToAsync(requestCopy, context.RequestAborted);
        request.Body.Position = 0;

        var original = context.Response.Body;
        using var responseCopy = new MemoryStream();
        context.Response.Body = responseCopy;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
            responseCopy.Position = 0;
            await responseCopy.CopyToAsync(original, context.RequestAborted);
        }

        var violations = conformance.Check(new Exchange(
            request.Method, request.Path.Value ?? "/", request.QueryString.Value ?? "", MediaTypeOf(request.ContentType), requestCopy.ToArray(),
            context.Response.StatusCode, MediaTypeOf(context.Response.ContentType), responseCopy.ToArray()));
        if (violations.Count > 0)
        {
            context.Items[ViolationsKey] = violations;
        }
    }

    /// <summary>Fails the scenario whose exchange differs from the document (Alba calls it after each scenario).</summary>
    public static void ThrowIfViolated(HttpContext? context)
    {
        if (context?.Items[ViolationsKey] is IReadOnlyList<string> { Count: > 0 } violations)
        {
            throw new OpenApiConformanceException(string.Join(Environment.NewLine, violations));
        }
    }

    private static string? MediaTypeOf(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var parsed) ? parsed.MediaType.Value?.ToLowerInvariant() : null;
}

/// <summary>Puts <see cref="ConformanceMiddleware"/> in front of the application's own pipeline.</summary>
public sealed class ConformanceStartupFilter(OpenApiConformance conformance) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.UseMiddleware<ConformanceMiddleware>(conformance);
        next(app);
    };
}

public sealed class OpenApiConformanceException(string message) : Exception("The exchange differs from the OpenAPI document: " + message);
