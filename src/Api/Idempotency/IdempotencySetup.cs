using MyGovernment.Application.Idempotency;

namespace MyGovernment.Api.Idempotency;

public static class IdempotencySetup
{
    public static IServiceCollection AddMyGovernmentIdempotency(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<IdempotencyOptions>(configuration.GetSection("Idempotency"));
        services.AddSingleton<IdempotencyInFlight>();
        services.AddHostedService<IdempotencyPurge>();
        return services;
    }

    /// <summary>After authentication: a key is scoped to the caller's subject.</summary>
    public static IApplicationBuilder UseMyGovernmentIdempotencyKeys(this IApplicationBuilder app) => app.UseMiddleware<IdempotencyKeyMiddleware>();
}
