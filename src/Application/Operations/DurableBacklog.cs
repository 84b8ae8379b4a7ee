using Marten;
using Npgsql;

namespace MyGovernment.Application.Operations;

/// <summary>What waits in the database for some node to do, as operators and alerts read it.</summary>
/// <param name="InboxWaiting">durable messages accepted and not yet handled (automatic assignment, confirmations, ...)</param>
/// <param name="InboxScheduled">timers not yet due</param>
/// <param name="InboxOwnedByMissingNodes">waiting messages still owned by a node that is no longer registered (should be 0 after a takeover)</param>
/// <param name="OutboxWaiting">messages committed but not yet sent on</param>
/// <param name="DeadLetters">messages that failed for good and wait for a person</param>
/// <param name="LastCheckpointAt">when the integrity log last signed a checkpoint (null: never)</param>
public sealed record DurableBacklogFigures(
    long InboxWaiting, long InboxScheduled, long InboxOwnedByMissingNodes, long OutboxWaiting, long DeadLetters, DateTimeOffset? LastCheckpointAt);

/// <summary>
/// One round trip over Wolverine's message tables and the integrity log's checkpoint table, all in our schema. Read
/// with plain SQL: Wolverine's own metrics count per node and per destination, an operator wants the cluster's total.
/// </summary>
public static class DurableBacklog
{
    public static async Task<DurableBacklogFigures> ReadAsync(IDocumentStore store, string schema, CancellationToken ct)
    {
        // Table names: Wolverine's PostgreSQL message store, and the checkpoint table of the integrity log (IntegritySchema).
        var sql = $"""
            select
              (select count(*) from {schema}.wolverine_incoming_envelopes where status = 'Incoming'),
              (select count(*) from {schema}.wolverine_incoming_envelopes where status = 'Scheduled'),
              (select count(*) from {schema}.wolverine_incoming_envelopes i where i.status = 'Incoming' and i.owner_id <> 0
                 and not exists (select 1 from {schema}.wolverine_nodes n where n.node_number = i.owner_id)),
              (select count(*) from {schema}.wolverine_outgoing_envelopes),
              (select count(*) from {schema}.wolverine_dead_letters),
              (select max(issued_at) from {schema}.integrity_checkpoints)
            """;
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return new DurableBacklogFigures(
            reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4),
            reader.IsDBNull(5) ? null : reader.GetFieldValue<DateTimeOffset>(5));
    }
}
