using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MyGovernment.Integrity;

namespace MyGovernment.Benchmarks.Scenarios;

/// <summary>
/// Seals every event the run appended and signs a checkpoint, as the API's sealer would have within a minute: verify
/// then recomputes sealed leaves (the path it takes in production) rather than naming unsealed rows.
/// </summary>
public static class Sealing
{
    public static async Task<StoredCheckpoint> SealAllAsync(string connectionString, CheckpointKey key)
    {
        var db = new IntegrityDatabase(connectionString, "mygov");
        // No writer is running any more: a hole in seq_id is a rolled-back append, not a transaction still committing.
        var options = Options.Create(new IntegrityOptions { GapTimeout = TimeSpan.Zero });
        var log = new IntegrityLog(db, key, options, TimeProvider.System, new IntegrityAlarm(NullLogger<IntegrityAlarm>.Instance),
            new IntegrityResolutions(db, key, TimeProvider.System));
        return (await log.CheckpointAsync(force: true, CancellationToken.None))!;
    }
}
