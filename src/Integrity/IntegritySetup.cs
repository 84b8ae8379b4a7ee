using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace MyGovernment.Integrity;

public static class IntegritySetup
{
    /// <summary>The sealer, verifier, proofs and read-model check over the event store at <paramref name="connectionString"/>, in <paramref name="schema"/>.</summary>
    public static IServiceCollection AddMyGovernmentIntegrity(this IServiceCollection services, string connectionString, string schema, IConfiguration configuration)
    {
        services.Configure<IntegrityOptions>(configuration.GetSection("Integrity"));
        services.AddSingleton(new IntegrityDatabase(connectionString, schema));
        services.AddSingleton<CheckpointKey>();
        services.AddSingleton<IntegrityAlarm>();
        services.AddSingleton<IntegrityResolutions>();
        services.AddSingleton<CheckpointWitnesses>();
        services.AddSingleton<Marten.IConfigureMarten, EventTagging>();
        services.AddSingleton<IntegrityLog>();
        services.AddSingleton<LogVerifier>();
        services.AddSingleton<ReadModelChecker>();
        services.AddSingleton<LogProofs>();
        services.AddSingleton<EventLog>();
        services.AddSingleton<LogIntegrityReport>();
        services.AddHostedService<CheckpointWorker>();
        return services;
    }
}
