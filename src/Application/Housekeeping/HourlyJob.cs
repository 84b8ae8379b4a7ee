using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MyGovernment.Application.Housekeeping;

/// <summary>
/// Housekeeping that runs at start-up and then every hour on every node (each job must be safe to run twice at
/// once). A failed round is logged and retried at the next tick, so a database outage never stops the job.
/// </summary>
public abstract partial class HourlyJob(TimeProvider clock, ILogger logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected TimeProvider Clock { get; } = clock;

    /// <summary>What the job does, for the log line of a failed round.</summary>
    protected abstract string What { get; }

    protected abstract Task RunOnceAsync(CancellationToken ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, Clock);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogRoundFailed(logger, What, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Job} failed; will retry at the next interval")]
    private static partial void LogRoundFailed(ILogger logger, string job, Exception exception);
}
