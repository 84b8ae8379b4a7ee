using System.Buffers;
using Marten;

namespace MyGovernment.Integrity;

/// <summary>
/// Tags every event a session appends (<see cref="EventTag"/>) and writes the tag into the event's own headers
/// (<see cref="EventTag.Header"/>), which Marten stores with the event in the same insert: no statement, index
/// entry or row of its own. Marten has prepared the events by now but serializes their headers only when it writes
/// the batch, after the listeners. A row that reaches mt_events any other way has no valid tag, and the sealer
/// refuses it.
/// </summary>
public sealed class EventTagListener(CheckpointKey key) : DocumentSessionListenerBase
{
    /// <summary>
    /// The event's JSON as the store's serializer writes it, in UTF-8, kept per thread (this method never awaits):
    /// its text as a string was written, transcoded and parsed back for nothing but the hash (issue 16).
    /// </summary>
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? _json;

    public override Task BeforeSaveChangesAsync(IDocumentSession session, CancellationToken token)
    {
        var serializer = session.DocumentStore.Options.Serializer();
        var json = _json ??= new ArrayBufferWriter<byte>(1024);
        foreach (var stream in session.PendingChanges.Streams())
        {
            var streamId = stream.Key ?? stream.Id.ToString();
            foreach (var e in stream.Events)
            {
                json.ResetWrittenCount();
                serializer.WriteTo(json, e.Data);
                var tag = EventTag.Compute(key.TagKey, e.Id, streamId, e.EventTypeName, session.TenantId, CanonicalJson.Hash(json.WrittenMemory));
                e.SetHeader(EventTag.Header, Convert.ToBase64String(tag));
            }
        }
        if (json.Capacity > CanonicalJson.KeptBufferBytes)
        {
            _json = null;
        }
        return Task.CompletedTask;
    }
}

/// <summary>Adds the tagging listener to the store the host configures (the key comes from the container).</summary>
public sealed class EventTagging(CheckpointKey key) : IConfigureMarten
{
    public void Configure(IServiceProvider services, StoreOptions options) => options.Listeners.Add(new EventTagListener(key));
}
