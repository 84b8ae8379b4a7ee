namespace MyGovernment.Api.Audit;

public static class IntegritySetup
{
    public static IServiceCollection AddMyGovernmentIntegrity(this IServiceCollection services, string connectionString, IConfiguration configuration)
    {
        services.Configure<IntegrityOptions>(configuration.GetSection("Integrity"));
        services.AddSingleton(new IntegrityDatabase(connectionString));
        services.AddSingleton<CheckpointKey>();
        services.AddSingleton<IntegrityLog>();
        services.AddSingleton<LogVerifier>();
        services.AddSingleton<ReadModelChecker>();
        services.AddHostedService<CheckpointWorker>();
        return services;
    }
}
