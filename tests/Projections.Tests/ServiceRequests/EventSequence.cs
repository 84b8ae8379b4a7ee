using System.Reflection;
using JasperFx.Events;
using MyGovernment.Projections.ServiceRequests;

namespace MyGovernment.Projections.Tests.ServiceRequests;

/// <summary>
/// Folds a sequence of request events through <see cref="ServiceRequestDetailsProjection"/> the way Marten does: the
/// first event creates the row, each later one is applied with its stream version (1, 2, 3, …).
/// </summary>
public static class EventSequence
{
    public static readonly Guid RequestId = Guid.Parse("0190a000-0000-7000-8000-0000000000aa");

    public static ServiceRequestDetails Fold(params object[] events)
    {
        var view = ServiceRequestDetailsProjection.Create((IEvent<MyGovernment.Domain.ServiceRequests.ServiceRequestSubmitted>)Wrap(events[0], 1));
        for (var i = 1; i < events.Length; i++)
        {
            var wrapped = Wrap(events[i], i + 1);
            var apply = typeof(ServiceRequestDetailsProjection).GetMethod(
                "Apply", BindingFlags.Public | BindingFlags.Static, [typeof(IEvent<>).MakeGenericType(events[i].GetType()), typeof(ServiceRequestDetails)])
                ?? throw new InvalidOperationException($"The projection does not apply {events[i].GetType().Name}.");
            apply.Invoke(null, [wrapped, view]);
        }
        return view;
    }

    public static IEvent Wrap(object data, long version)
    {
        var e = (IEvent)Activator.CreateInstance(typeof(Event<>).MakeGenericType(data.GetType()), data)!;
        e.Version = version;
        e.StreamId = RequestId;
        e.Sequence = 1000 + version;
        return e;
    }
}
