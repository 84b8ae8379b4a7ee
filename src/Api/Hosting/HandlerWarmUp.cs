using System.Diagnostics;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using MyGovernment.Application.Operations;

namespace MyGovernment.Api.Hosting;

/// <summary>
/// Runs the command path once right after start (section "WarmUp"), leaving no trace (<see cref="CommandPathWarmUp"/>),
/// so the first submission does not pay seconds for the first touch of Marten, the outbox, the JSON contracts and the
/// JIT. /health/ready stays Unhealthy until it has finished, so a load balancer sends no traffic before. The endpoint
/// and handler code needs no warming: it is pre-generated and compiled into the assembly (README "Code generation").
/// Requests that arrive meanwhile (e.g. from tests, which do not wait for readiness) are served as usual.
/// </summary>
public sealed class HandlerWarmUp(IServiceProvider services, IHostApplicationLifetime lifetime, IConfiguration configuration, ILogger<HandlerWarmUp> logger)
    : BackgroundService
{
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool Enabled { get; } = configuration.GetValue("WarmUp:Enabled", true);

    public bool Finished => _done.Task.IsCompleted;

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
        await RunCommandPathAsync(stoppingToken);
        Duration = watch.Elapsed;
        logger.LogInformation("Warm-up ran the command path in {Milliseconds} ms (submission reached its commit: {Reached})",
            (long)Duration.TotalMilliseconds, CommandPathReached);
        _done.TrySetResult();
    }

    /// <summary>The first submission after start took seconds even with its code ready (issue 16).</summary>
    private async Task RunCommandPathAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = services.CreateAsyncScope();
            CommandPathReached = await ActivatorUtilities.CreateInstance<CommandPathWarmUp>(scope.ServiceProvider).RunAsync(stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Not fatal: the first callers pay for the first touch instead.
            logger.LogWarning(e, "Warm-up could not run the command path");
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
                ? HealthCheckResult.Healthy(warmUp.Enabled ? $"command path warmed up in {(long)warmUp.Duration.TotalMilliseconds} ms" : "warm-up disabled")
                : HealthCheckResult.Unhealthy("warming up: running the command path once"));
    }
}
