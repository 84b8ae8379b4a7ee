using System.Collections.Concurrent;
using JasperFx.Core.Reflection;
using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;

namespace MyGovernment.Projections;

/// <summary>
/// Stands in front of an inline projection and hands it a transaction's streams only when one of their events is of a
/// type the projection takes. Marten runs every inline projection on every <c>SaveChangesAsync</c> that carries events,
/// and each one screens the streams itself at a cost paid whether or not anything matches: a single-stream projection
/// builds a hash set of its event types and, when none match, tries each event against each type by reflection; a
/// multi-stream projection slices the events first, which opens a query session. With nine inline projections and a
/// request's command concerning one of them, that screening was about a tenth of everything the API allocated per
/// command (docs/benchmarks.md, part Q).
/// <para>
/// The answer is the projection's own rule (JasperFx's <c>AppliesTo</c>): an event applies when its type is one of the
/// projection's event types or can be cast to one, or when the projection names none (it takes everything). It is
/// worked out once per event type; the projection still screens what it is handed, exactly as before.
/// </para>
/// </summary>
public sealed class InlineScreen(IInlineProjection<IDocumentOperations> projection, Func<Type[]> eventTypes)
    : IInlineProjection<IDocumentOperations>
{
    private readonly ConcurrentDictionary<Type, bool> _applies = new();

    public Task ApplyAsync(IDocumentOperations operations, IEnumerable<StreamAction> streams, CancellationToken cancellation)
    {
        foreach (var stream in streams)
        {
            foreach (var e in stream.Events)
            {
                if (Applies(e.EventType))
                {
                    return projection.ApplyAsync(operations, streams, cancellation);
                }
            }
        }
        return Task.CompletedTask;
    }

    /// <summary>Whether an event of this type reaches the projection.</summary>
    public bool Applies(Type eventType) =>
        // The types are read on first use, not at construction: Marten settles them when it assembles the store.
        _applies.GetOrAdd(eventType, static (type, types) =>
        {
            var taken = types();
            return taken.Length == 0 || taken.Any(type.CanBeCastTo);
        }, eventTypes);
}
