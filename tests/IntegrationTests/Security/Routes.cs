using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using MyGovernment.IntegrationTests.Support;

namespace MyGovernment.IntegrationTests.Security;

/// <summary>One route of the running host: its method, its pattern as written, and the roles its [Authorize] names.</summary>
public sealed record Route(string Method, string Pattern, IReadOnlyList<string> Roles)
{
    public override string ToString() => $"{Method} {Pattern}";

    public bool IsWrite => Method is "POST" or "PUT" or "PATCH" or "DELETE";

    /// <summary>Every route the host serves, read from its endpoint data source (Wolverine, minimal APIs, health, OpenAPI).</summary>
    public static IReadOnlyList<Route> All(AppFixture app) =>
        [.. app.Host.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(method => new Route(
                    method,
                    "/" + e.RoutePattern.RawText!.TrimStart('/'),
                    [.. e.Metadata.GetOrderedMetadata<IAuthorizeData>().SelectMany(a => (a.Roles ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries))])))
            .DistinctBy(r => (r.Method, r.Pattern))
            .OrderBy(r => r.Pattern, StringComparer.Ordinal).ThenBy(r => r.Method, StringComparer.Ordinal)];

    /// <summary>The pattern with its parameters filled in.</summary>
    public string Url(IReadOnlyDictionary<string, string> values)
    {
        var url = Pattern;
        foreach (var (name, value) in values)
        {
            url = url.Replace("{" + name + "}", Uri.EscapeDataString(value), StringComparison.Ordinal);
        }
        return url.Contains('{', StringComparison.Ordinal) ? throw new InvalidOperationException($"No value for a parameter of {Pattern}") : url;
    }
}
