using JasperFx.Events;
using Marten;
using MyGovernment.Domain.ServiceRequests;

namespace MyGovernment.Application.ServiceRequests;

/// <summary>
/// A request opened for writing from its row's write model instead of its events. Appends name the version after
/// them, as Marten's own handle does, so the append function refuses them if the stream moved since the row was read.
/// </summary>
internal sealed class RequestRowStream(IDocumentSession session, Guid id, ServiceRequest initial, CancellationToken cancellation)
    : IEventStream<ServiceRequest>
{
    private StreamAction? appended;
    private bool alwaysEnforceConsistency;
    private ServiceRequest state = initial;

    public ServiceRequest? Aggregate => state;

    public long? StartingVersion => state.Version;

    public long? CurrentVersion => state.Version + Events.Count;

    public CancellationToken Cancellation => cancellation;

    public Guid Id => id;

    public string? Key => null;

    public IReadOnlyList<IEvent> Events => appended?.Events ?? [];

    public void AppendOne(object @event) => AppendMany(@event);

    public void AppendMany(IEnumerable<object> events) => AppendMany([.. events]);

    public void AppendMany(params object[] events)
    {
        appended = session.Events.Append(id, state.Version + Events.Count + events.Length, events);
        appended.AggregateType = typeof(ServiceRequest);
        appended.AlwaysEnforceConsistency = alwaysEnforceConsistency;
    }

    /// <summary>Set: the version is checked at commit even if nothing is appended (an empty append names it).</summary>
    public bool AlwaysEnforceConsistency
    {
        get => alwaysEnforceConsistency;
        set
        {
            alwaysEnforceConsistency = value;
            if (value && appended is null)
            {
                AppendMany();
            }
            if (appended is not null)
            {
                appended.AlwaysEnforceConsistency = value;
            }
        }
    }

    /// <summary>After a save: what was appended becomes the state the next appends start from.</summary>
    public void TryFastForwardVersion()
    {
        state = Events.Aggregate<IEvent, ServiceRequest?>(state, (s, e) => ServiceRequest.Evolve(s, e.Data)) ?? state;
        appended = null;
    }
}
