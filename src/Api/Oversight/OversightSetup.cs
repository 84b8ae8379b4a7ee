using MyGovernment.Application.Oversight;
using MyGovernment.Domain.Oversight;

namespace MyGovernment.Api.Oversight;

public static class OversightSetup
{
    /// <summary>The reports' thresholds (section "Oversight", defaults in <see cref="OversightSettings"/>) and their event source.</summary>
    public static IServiceCollection AddMyGovernmentOversight(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<OversightSettings>(configuration.GetSection("Oversight"));
        services.AddSingleton<OversightEventSource>();
        return services;
    }
}
