using JasperFx.Events;
using Marten;
using Marten.Services.BatchQuerying;
using MyGovernment.Domain.Common;
using MyGovernment.Domain.ServiceRequests;
using MyGovernment.Projections.ServiceRequests;
using Wolverine;

namespace MyGovernment.Application.ServiceRequests;

/// <summary>Every command on an existing request names the request, the version its sender saw, and who acts.</summary>
public interface IServiceRequestCommand
{
    Guid RequestId { get; }

    ExpectedVersion? Expected { get; }

    Actor By { get; }
}

/// <summary>What every command on a request answers: the new version (the next ETag) and status.</summary>
public sealed record ServiceRequestChanged(Guid RequestId, long Version, ServiceRequestStatus Status);

/// <summary>Loading, version checking and appending shared by every request command handler.</summary>
public static class ServiceRequestStream
{
    /// <summary>
    /// Loads the request for writing. Marten then refuses the append if anyone else appended in between (409);
    /// a client whose expected version is already behind is refused before any decision is made.
    /// </summary>
    public static async Task<IEventStream<ServiceRequest>> LoadAsync(
        IDocumentSession session, Guid requestId, ExpectedVersion? expected, CancellationToken ct, Actor? by = null)
    {
        var batch = session.CreateBatchQuery();
        var fetch = FetchForWriting(batch, session, requestId);
        await batch.Execute(ct);
        return Checked(await fetch.OpenAsync(ct), expected, by);
    }

    /// <summary>
    /// Queues the read of the request's row in <paramref name="batch"/>; call <see cref="QueuedRequest.OpenAsync"/>
    /// once the batch has run. The row (<see cref="ServiceRequestDetails"/>, written by its inline projection in the
    /// same transaction as the events) holds the write model and the stream version it reflects, so one statement
    /// replaces Marten's two reads of the stream (its version, its events) and the fold (issue 16); the projection
    /// then finds the row it updates at commit in the session's identity map. The append names the version the row
    /// showed, so a command committed in between makes it fail (409) as before.
    /// </summary>
    public static QueuedRequest FetchForWriting(IBatchedQuery batch, IDocumentSession session, Guid requestId)
    {
        session.UseIdentityMapFor<ServiceRequestDetails>();
        return new QueuedRequest(session, requestId, batch.Load<ServiceRequestDetails>(requestId));
    }

    /// <summary>The checks of <see cref="LoadAsync(IDocumentSession, Guid, ExpectedVersion?, CancellationToken, Actor?)"/> on a stream fetched for writing elsewhere (e.g. in a batch).</summary>
    public static IEventStream<ServiceRequest> Checked(IEventStream<ServiceRequest> stream, ExpectedVersion? expected, Actor? by = null)
    {
        if (stream.Aggregate is null)
        {
            throw new NotFoundException("request_not_found", "No such service request.");
        }
        // Before the version check and any rule: a 409/412/422 on someone else's request would reveal that it exists.
        if (by is not null)
        {
            Guard.Visible(stream.Aggregate, by);
        }
        // Marten reads the stream's version and its events in two statements; a command committed between them
        // leaves a state newer than the version Marten will append at. That append would fail anyway, so refuse
        // now as the lost race it is (409), rather than decide on the newer state and refuse with its rule (422).
        var seen = stream.Aggregate.Version;
        if (seen != (stream.CurrentVersion ?? 0))
        {
            throw new StaleVersionException(new ExpectedVersion(stream.CurrentVersion ?? 0, IsPrecondition: false), seen);
        }
        if (expected is not null && expected.Version != seen)
        {
            throw new StaleVersionException(expected, seen);
        }
        return stream;
    }

    public static Task<IEventStream<ServiceRequest>> LoadAsync(IServiceRequestCommand command, IDocumentSession session, CancellationToken ct) =>
        LoadAsync(session, command.RequestId, command.Expected, ct, command.By);

    /// <summary>Appends the decided events and schedules the timers they start (through Wolverine's outbox).</summary>
    public static (ServiceRequestChanged, OutgoingMessages) Append(
        this IEventStream<ServiceRequest> stream, IReadOnlyList<object> events, LifecycleOptions options)
    {
        var version = (stream.CurrentVersion ?? 0) + events.Count;
        stream.AppendMany(events);
        var state = events.Aggregate(stream.Aggregate, ServiceRequest.Evolve)!;
        return (new ServiceRequestChanged(stream.Id, version, state.Status), LifecycleTimers.For(stream.Id, events, options));
    }
}
