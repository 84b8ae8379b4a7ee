using Marten;

namespace MyGovernment.Integrity;

/// <summary>
/// Tags every event a session appends (<see cref="EventTag"/>) and queues the tags' insert into the session's own
/// batch: same transaction as the events, no extra round trip. A row that reaches mt_events any other way has no
/// valid tag, and the sealer refuses it.
/// </summary>
public sealed class EventTagListener(CheckpointKey key) : DocumentSessionListenerBase
{
    public override Task BeforeSaveChangesAsync(IDocumentSession session, CancellationToken token)
    {
        var events = session.PendingChanges.Streams().SelectMany(s => s.Events.Select(e => (Stream: s, Event: e))).ToList();
        if (events.Count == 0)
        {
            return Task.CompletedTask;
        }
        var serializer = session.DocumentStore.Options.Serializer();
        var ids = new Guid[events.Count];
        var tags = new byte[events.Count][];
        for (var i = 0; i < events.Count; i++)
        {
            var (stream, e) = events[i];
            var streamId = stream.Key ?? stream.Id.ToString();
            ids[i] = e.Id;
            tags[i] = EventTag.Compute(key.TagKey, e.Id, streamId, e.EventTypeName, session.TenantId, CanonicalJson.Hash(serializer.ToJson(e.Data)));
        }
        session.QueueSqlCommand(
            $"insert into {session.DocumentStore.Options.Events.DatabaseSchemaName}.{IntegritySchema.EventTags} (event_id, tag) select * from unnest(?::uuid[], ?::bytea[])",
            ids, tags);
        return Task.CompletedTask;
    }
}

/// <summary>Adds the tagging listener to the store the host configures (the key comes from the container).</summary>
public sealed class EventTagging(CheckpointKey key) : IConfigureMarten
{
    public void Configure(IServiceProvider services, StoreOptions options) => options.Listeners.Add(new EventTagListener(key));
}
