using System.Diagnostics;
using JasperFx.CodeGeneration;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using MyGovernment.Application.Operations;

namespace MyGovernment.Api.Hosting;

/// <summary>
/// Builds the generated code of every HTTP endpoint and message handler right after start (section "WarmUp"), so the
/// first request of each route does not pay for code generation and compilation (seconds under load with dynamic
/// code). /health/ready stays Unhealthy until it has finished, so a load balancer sends no traffic before. With
/// pre-generated code (Wolverine:TypeLoadMode=Static) the same pass only loads the committed types. Then it runs the
/// command path itself once, leaving no trace (<see cref="CommandPathWarmUp"/>).
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

    /// <summary>Whether the warm-up submission ran its whole handler chain up to the (refused) commit.</summary>
    public bool CommandPathReached { get; private set; }

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
        // Pre-generated code (Static) is loaded by Wolverine itself: endpoints as routing starts, handlers on first use.
        if (services.GetRequiredService<Wolverine.WolverineOptions>().CodeGeneration.TypeLoadMode != TypeLoadMode.Static)
        {
            await Task.Run(() => BuildAll(stoppingToken), stoppingToken);
        }
        var built = watch.Elapsed;
        await RunCommandPathAsync(stoppingToken);
        Duration = watch.Elapsed;
        logger.LogInformation("Warm-up built {Chains} handler chains in {Milliseconds} ms and ran the command path in {PathMilliseconds} ms (submission reached its commit: {Reached})",
            ChainsBuilt, (long)built.TotalMilliseconds, (long)(Duration - built).TotalMilliseconds, CommandPathReached);
        _done.TrySetResult();
    }

    /// <summary>Building the code runs none of it: the first submission after start still took seconds (issue 16).</summary>
    private async Task RunCommandPathAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = services.CreateAsyncScope();
            CommandPathReached = await ActivatorUtilities.CreateInstance<CommandPathWarmUp>(scope.ServiceProvider).RunAsync(stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Not fatal, like a chain that fails to build: the first callers pay for the first touch instead.
            logger.LogWarning(e, "Warm-up could not run the command path");
        }
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
