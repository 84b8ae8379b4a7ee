using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace MyGovernment.Api.Hosting;

/// <summary>/health/live: the process answers. /health/ready: it can also reach PostgreSQL (for load balancers).</summary>
public static class HealthEndpoints
{
    private const string Ready = "ready";

    public static void AddMyGovernmentHealthChecks(this IServiceCollection services, string connectionString) =>
        services.AddHealthChecks().AddNpgSql(connectionString, name: "postgresql", tags: [Ready], timeout: TimeSpan.FromSeconds(3));

    public static void MapMyGovernmentHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(Ready) }).AllowAnonymous();
    }
}
