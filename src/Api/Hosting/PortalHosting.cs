using MyGovernment.Web.Hosting;

namespace MyGovernment.Api.Hosting;

/// <summary>
/// In Development (and the portal's browser tests) the API serves the portal too, at "/" of its own address, so
/// that one command shows the product. In production the portal runs as its own process (src/Web.Host).
/// </summary>
public static class PortalHosting
{
    /// <summary>The API's own paths; everything else belongs to the portal when it is composed here.</summary>
    private static readonly PathString[] ApiPrefixes =
        ["/api", "/dev", "/health", "/openapi", "/scalar", "/errors", "/sandbox"];

    public static bool AddPortalInProcess(this WebApplicationBuilder builder)
    {
        var enabled = builder.Configuration.GetValue<bool>("Portal:InProcess");
        if (enabled && !(builder.Environment.IsDevelopment() || builder.Environment.IsEnvironment("Testing")))
        {
            throw new InvalidOperationException(
                $"Portal:InProcess is set in the '{builder.Environment.EnvironmentName}' environment; run src/Web.Host instead.");
        }
        if (enabled)
        {
            builder.Services.AddPortal(builder.Configuration, builder.Environment);
        }
        return enabled;
    }

    public static void UsePortalInProcess(this WebApplication app) =>
        app.UsePortal(path => ApiPrefixes.Any(prefix => path.StartsWithSegments(prefix)));
}
