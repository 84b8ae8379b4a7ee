using Marten;
using Microsoft.Extensions.Options;
using MyGovernment.Application.Idempotency;

namespace MyGovernment.Api.Idempotency;

/// <summary>
/// Deletes expired idempotency records every hour. Lookups already ignore expired records and a reused key
/// replaces its expired record in the command's own transaction, so this only keeps the table small; running it on
/// every node is harmless.
/// </summary>
public sealed partial class IdempotencyPurge(IDocumentStore store, TimeProvider clock, ILogger<IdempotencyPurge> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                await PurgeAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogPurgeFailed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task PurgeAsync(CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        var now = clock.GetUtcNow();
        session.DeleteWhere<IdempotencyRecord>(r => r.ExpiresAt <= now);
        await session.SaveChangesAsync(ct);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Purging expired idempotency records failed; will retry at the next interval")]
    private static partial void LogPurgeFailed(ILogger logger, Exception exception);
}
