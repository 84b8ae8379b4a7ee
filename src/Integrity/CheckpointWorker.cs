using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MyGovernment.Integrity;

/// <summary>
/// Seals new events every Integrity:SealInterval and signs a checkpoint every Integrity:CheckpointInterval (when the
/// log grew).
/// </summary>
public sealed class CheckpointWorker(IntegrityLog log, IOptions<IntegrityOptions> options, ILogger<CheckpointWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.CheckpointInterval;
        if (interval <= TimeSpan.Zero)
        {
            return;
        }
        try
        {
            // Said at start-up, not a minute later: a node started with another key is told at once (log and health).
            await log.KeyProblemAsync(stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Checking the signing key against the stored checkpoints failed");
        }
        // Ticks every SealInterval; a tick at least a checkpoint interval after the last signing (half a tick early, so
        // a tick's jitter does not skip a whole interval) seals and signs, the others only seal.
        var tick = options.Value.SealInterval is var seal && seal > TimeSpan.Zero && seal < interval ? seal : interval;
        var lastSigning = Stopwatch.GetTimestamp();
        using var timer = new PeriodicTimer(tick);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                if (tick == interval || Stopwatch.GetElapsedTime(lastSigning) >= interval - tick / 2)
                {
                    lastSigning = Stopwatch.GetTimestamp();
                    if (await log.CheckpointAsync(force: false, stoppingToken) is { } checkpoint)
                    {
                        logger.LogInformation("Signed checkpoint {Id} of {Size} events", checkpoint.Id, checkpoint.TreeSize);
                    }
                }
                else
                {
                    await log.SealAsync(stoppingToken);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A failed round (database restarting, key missing) must not stop the next one.
                logger.LogError(e, "Checkpoint round failed");
            }
        }
    }
}
