using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace MyGovernment.Api.Hosting;

/// <summary>
/// /health/live: the process answers. /health/ready: it can also reach PostgreSQL and has built its handler code
/// (HandlerWarmUp), for load balancers.
/// </summary>
public static class HealthEndpoints
{
    private const string Ready = "ready";

    public static void AddMyGovernmentHealthChecks(this IServiceCollection services, string connectionString)
    {
        // One instance, both the hosted service and the readiness check's source.
        services.AddSingleton<HandlerWarmUp>();
        services.AddHostedService(sp => sp.GetRequiredService<HandlerWarmUp>());
        services.AddHealthChecks()
            .AddNpgSql(connectionString, name: "postgresql", tags: [Ready], timeout: TimeSpan.FromSeconds(3))
            .AddCheck<HandlerWarmUp.Check>("warm-up", tags: [Ready])
            .AddCheck<IntegrityHealth>("integrity", tags: [Ready]);
    }

    public static void MapMyGovernmentHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(Ready) }).AllowAnonymous();
    }
}
