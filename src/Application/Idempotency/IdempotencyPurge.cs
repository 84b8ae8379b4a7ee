using Marten;
using Microsoft.Extensions.Logging;
using MyGovernment.Application.Housekeeping;

namespace MyGovernment.Application.Idempotency;

/// <summary>
/// Deletes expired idempotency records every hour. Lookups already ignore expired records and a reused key
/// replaces its expired record in the command's own transaction, so this only keeps the table small; running it on
/// every node is harmless.
/// </summary>
public sealed class IdempotencyPurge(IDocumentStore store, TimeProvider clock, ILogger<IdempotencyPurge> logger)
    : HourlyJob(clock, logger)
{
    protected override string What => "Purging expired idempotency records";

    protected override Task RunOnceAsync(CancellationToken ct) => PurgeAsync(ct);

    public async Task PurgeAsync(CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        var now = Clock.GetUtcNow();
        session.DeleteWhere<IdempotencyRecord>(r => r.ExpiresAt <= now);
        await session.SaveChangesAsync(ct);
    }
}
