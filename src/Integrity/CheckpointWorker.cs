using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MyGovernment.Integrity;

/// <summary>Seals new events and signs a checkpoint every Integrity:CheckpointInterval (when the log grew).</summary>
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
        using var timer = new PeriodicTimer(interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                if (await log.CheckpointAsync(force: false, stoppingToken) is { } checkpoint)
                {
                    logger.LogInformation("Signed checkpoint {Id} of {Size} events", checkpoint.Id, checkpoint.TreeSize);
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
