using System.Data;
using System.Reflection;
using Marten;
using Marten.Events;
using Marten.Events.Projections;
using SessionOptions = Marten.Services.SessionOptions;

namespace MyGovernment.Integrity;
/// <summary>Event projections (ledger, access log) recomputed by applying each event to a session that is never saved.</summary>
public sealed partial class ReadModelChecker
{
    private sealed class EventProjectionCheck(EventProjection projection, Type documentType, IReadOnlyStoreOptions options)
        : CheckBase(projection, documentType, projection.IncludedEventTypes, options)
    {
        public override async Task<ReadModelResult> RunAsync(Context context, CancellationToken ct)
        {
            var tally = new Tally();
            var upTo = await UpToAsync(context, ct) ?? long.MaxValue;
            long after = 0, eventsRead = 0;
            while (true)
            {
                var from = after;
                var query = context.Session.Events.QueryAllRawEvents().Where(e => e.Sequence > from && e.Sequence <= upTo);
                if (EventTypes.Length > 0)
                {
                    query = query.Where(e => e.EventTypesAre(EventTypes));
                }
                var events = await query.OrderBy(e => e.Sequence).Take(EventPage).ToListAsync(ct);
                if (events.Count == 0)
                {
                    break;
                }
                after = events[^1].Sequence;
                eventsRead += events.Count;
                // A session on the check's read-only transaction, never saved: it only collects what the projection stores.
                await using var scratch = context.Store.LightweightSession(SessionOptions.ForTransaction(context.Tx));
                foreach (var e in events)
                {
                    await projection.ApplyAsync(scratch, e, ct);
                }
                var recomputed = scratch.PendingChanges.Updates().Concat(scratch.PendingChanges.Inserts())
                    .Where(DocumentType.IsInstanceOfType)
                    .GroupBy(IdOf)
                    .ToDictionary(g => g.Key, g => g.Last());
                var ids = Array.CreateInstance(IdType, recomputed.Count);
                var i = 0;
                foreach (var document in recomputed.Values)
                {
                    ids.SetValue(IdValue(document), i++);
                }
                Compare(context, recomputed, await StoredAsync(context, ids, ct), tally);
            }
            return Result(await ExtrasAsync(context, tally, ct), eventsRead, upTo == long.MaxValue ? null : upTo, tally);
        }
    }
}
