using System.Diagnostics;
using JasperFx.CodeGeneration;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MyGovernment.Api.Hosting;

/// <summary>
/// Builds the generated code of every HTTP endpoint and message handler right after start (section "WarmUp"), so the
/// first request of each route does not pay for code generation and compilation (seconds under load with dynamic
/// code). /health/ready stays Unhealthy until it has finished, so a load balancer sends no traffic before. With
/// pre-generated code (Wolverine:TypeLoadMode=Static) the same pass only loads the committed types.
/// Chains are built one by one on a background thread: requests that arrive meanwhile (e.g. from tests, which do not
/// wait for readiness) are served as before, building their own chain on first use.
/// </summary>
public sealed class HandlerWarmUp(IServiceProvider services, IHostApplicationLifetime lifetime, IConfiguration configuration, ILogger<HandlerWarmUp> logger)
    : BackgroundService
{
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool Enabled { get; } = configuration.GetValue("WarmUp:Enabled", true);

    public bool Finished => _done.Task.IsCompleted;

    public int ChainsBuilt { get; private set; }

    public TimeSpan Duration { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Enabled)
        {
            _done.TrySetResult();
            return;
        }
        // Wolverine registers its endpoints and handlers only while the host starts.
        await WhenStartedAsync(stoppingToken);
        var watch = Stopwatch.StartNew();
        await Task.Run(() => BuildAll(stoppingToken), stoppingToken);
        Duration = watch.Elapsed;
        logger.LogInformation("Warm-up built {Chains} handler chains in {Milliseconds} ms", ChainsBuilt, (long)Duration.TotalMilliseconds);
        _done.TrySetResult();
    }

    private void BuildAll(CancellationToken stoppingToken)
    {
        foreach (var collection in services.GetServices<ICodeFileCollection>())
        {
            foreach (var file in collection.BuildFiles())
            {
                stoppingToken.ThrowIfCancellationRequested();
                try
                {
                    file.InitializeSynchronously(collection.Rules, collection, services);
                    ChainsBuilt++;
                }
                catch (Exception e)
                {
                    // Not fatal: the chain is built again on first use, where the failure reaches its caller.
                    logger.LogWarning(e, "Warm-up could not build {Chain}", file.FileName);
                }
            }
        }
    }

    private Task WhenStartedAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        stoppingToken.Register(() => started.TrySetCanceled(stoppingToken));
        return started.Task;
    }

    /// <summary>The readiness half: Unhealthy while the warm-up runs.</summary>
    public sealed class Check(HandlerWarmUp warmUp) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            Task.FromResult(warmUp.Finished
                ? HealthCheckResult.Healthy(warmUp.Enabled ? $"{warmUp.ChainsBuilt} chains built in {(long)warmUp.Duration.TotalMilliseconds} ms" : "warm-up disabled")
                : HealthCheckResult.Unhealthy("warming up: building handler code"));
    }
}
