using Marten;

namespace MyGovernment.Application.Idempotency;

/// <summary>Reads the stored <see cref="IdempotencyRecord"/> of a key; expired records count as absent.</summary>
public static class IdempotencyStore
{
    public static async Task<IdempotencyRecord?> FindLiveAsync(IDocumentStore store, string id, TimeProvider clock, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var record = await session.LoadAsync<IdempotencyRecord>(id, ct);
        return record is not null && record.IsLiveAt(clock.GetUtcNow()) ? record : null;
    }

    /// <summary>The re-read after a failure must not hide the original error (e.g. when the database is down).</summary>
    public static async Task<IdempotencyRecord?> TryFindLiveAsync(IDocumentStore store, string id, TimeProvider clock, CancellationToken ct)
    {
        try
        {
            return await FindLiveAsync(store, id, clock, ct);
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or Marten.Exceptions.MartenException or TimeoutException)
        {
            return null;
        }
    }
}
