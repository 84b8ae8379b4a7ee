using System.Data;
using JasperFx.Events;
using JasperFx.Events.Aggregation;
using JasperFx.Events.Daemon;
using JasperFx.Events.Grouping;
using Marten;
using Marten.Events;

namespace MyGovernment.Integrity;
/// <summary>Aggregations (single- and multi-stream) recomputed by their own slicer and fold.</summary>
public sealed partial class ReadModelChecker
{
    private sealed class AggregationCheck<TDoc, TId>(JasperFxAggregationProjectionBase<TDoc, TId, IDocumentOperations, IQuerySession> projection, IReadOnlyStoreOptions options)
        : CheckBase(projection, typeof(TDoc), projection.AllEventTypes, options), IIdentitySetter<TDoc, TId>
        where TDoc : notnull
        where TId : notnull
    {
        protected override bool RowsAreStreams => projection.Scope == AggregationScope.SingleStream;

        public override async Task<ReadModelResult> RunAsync(Context context, CancellationToken ct)
        {
            var tally = new Tally();
            var upTo = await UpToAsync(context, ct);
            long eventsRead = 0;
            if (projection.Scope == AggregationScope.SingleStream && typeof(TId) == typeof(Guid))
            {
                var after = Guid.Empty;
                while (true)
                {
                    var streams = await StreamsAsync(context, after, upTo, ct);
                    if (streams.Count == 0)
                    {
                        break;
                    }
                    after = streams[^1];
                    var events = await EventsAsync(context, upTo, q => q.Where(e => e.StreamId.IsOneOf(streams.ToArray())), ct);
                    eventsRead += events.Count;
                    await FoldAsync(context, events, tally, ct);
                }
            }
            else
            {
                var events = await EventsAsync(context, upTo, q => q, ct);
                eventsRead = events.Count;
                await FoldAsync(context, events, tally, ct);
            }
            return Result(await ExtrasAsync(context, tally, ct), eventsRead, upTo, tally);
        }

        /// <summary>The projection's slicer and fold, from no snapshot: exactly what a rebuild does for these events.</summary>
        private async Task FoldAsync(Context context, IReadOnlyList<IEvent> events, Tally tally, CancellationToken ct)
        {
            var recomputed = new Dictionary<string, object>();
            var ids = new List<TId>();
            foreach (var group in (await projection.BuildSlicer(context.Session).SliceAsync(events)).OfType<SliceGroup<TDoc, TId>>())
            {
                foreach (var slice in group.Slices)
                {
                    var (document, action) = await projection.DetermineActionAsync(context.Session, default, slice.Id, this, slice.Events(), ct);
                    ids.Add(slice.Id);
                    if (document is not null && action is ActionType.Store or ActionType.UnDeleteAndStore)
                    {
                        // Marten assigns the slice's id when it stores the document; the fold alone leaves it unset.
                        SetId(document, slice.Id);
                        recomputed[slice.Id.ToString()!] = document;
                    }
                }
            }
            Compare(context, recomputed, await StoredAsync(context, ids.ToArray(), ct), tally);
        }

        private async Task<List<Guid>> StreamsAsync(Context context, Guid after, long? upTo, CancellationToken ct)
        {
            await using var command = context.Command(
                $"select distinct stream_id from {context.Schema}.mt_events where type = any(@types) and stream_id > @after and seq_id <= @upTo and is_archived = false order by stream_id limit {StreamPage}");
            command.Parameters.AddWithValue("types", EventAliases);
            command.Parameters.AddWithValue("after", after);
            command.Parameters.AddWithValue("upTo", upTo ?? long.MaxValue);
            await using var reader = await command.ExecuteReaderAsync(ct);
            var streams = new List<Guid>();
            while (await reader.ReadAsync(ct))
            {
                streams.Add(reader.GetGuid(0));
            }
            return streams;
        }

        private async Task<IReadOnlyList<IEvent>> EventsAsync(Context context, long? upTo, Func<IQueryable<IEvent>, IQueryable<IEvent>> filter, CancellationToken ct)
        {
            var bound = upTo ?? long.MaxValue;
            return await filter(context.Session.Events.QueryAllRawEvents().Where(e => e.EventTypesAre(EventTypes) && e.Sequence <= bound))
                .OrderBy(e => e.Sequence).ToListAsync(ct);
        }

        void IIdentitySetter<TDoc, TId>.SetIdentity(TDoc document, TId identity) => SetId(document, identity);

        TId IIdentitySetter<TDoc, TId>.Identity(TDoc document) => (TId)IdValue(document);
    }
}
