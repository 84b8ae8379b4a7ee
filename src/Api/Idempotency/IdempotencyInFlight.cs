using System.Collections.Concurrent;

namespace MyGovernment.Api.Idempotency;

/// <summary>
/// Keys being executed by this process, so a duplicate arriving mid-flight gets a prompt 409 instead of racing.
/// Only a fast path: across processes the record's primary key in the command's transaction is what guarantees a
/// single execution.
/// </summary>
public sealed class IdempotencyInFlight
{
    private readonly ConcurrentDictionary<string, byte> _keys = new();

    public bool TryEnter(string id) => _keys.TryAdd(id, 0);

    public void Exit(string id) => _keys.TryRemove(id, out _);
}
