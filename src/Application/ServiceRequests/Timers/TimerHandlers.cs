using JasperFx.Events;
using Marten;
using Microsoft.Extensions.Options;
using MyGovernment.Domain.ServiceRequests;
using Wolverine;

namespace MyGovernment.Application.ServiceRequests;

/// <summary>
/// Timers fire as the system, with no expected version: each re-decides on the current stream, so a timer made
/// moot by later events appends nothing. A concurrent change still conflicts at commit and Wolverine retries.
/// </summary>
public static class AbandonIfUnpaidHandler
{
    public static Task<IEventStream<ServiceRequest>> LoadAsync(AbandonIfUnpaid timer, IDocumentSession session, CancellationToken ct) =>
        ServiceRequestStream.LoadAsync(session, timer.RequestId, null, ct);

    public static OutgoingMessages Handle(AbandonIfUnpaid timer, IEventStream<ServiceRequest> stream, TimeProvider clock, IOptions<LifecycleOptions> options) =>
        stream.Append(LifecycleDecisions.AbandonIfUnpaid(stream.Aggregate!, clock.GetUtcNow()), options.Value).Item2;
}

public static class AbandonIfNoResponseHandler
{
    public static Task<IEventStream<ServiceRequest>> LoadAsync(AbandonIfNoResponse timer, IDocumentSession session, CancellationToken ct) =>
        ServiceRequestStream.LoadAsync(session, timer.RequestId, null, ct);

    public static OutgoingMessages Handle(AbandonIfNoResponse timer, IEventStream<ServiceRequest> stream, TimeProvider clock, IOptions<LifecycleOptions> options) =>
        stream.Append(LifecycleDecisions.AbandonIfNoResponse(stream.Aggregate!, timer.InformationRequestId, clock.GetUtcNow()), options.Value).Item2;
}

public static class CloseAfterAppealWindowHandler
{
    public static Task<IEventStream<ServiceRequest>> LoadAsync(CloseAfterAppealWindow timer, IDocumentSession session, CancellationToken ct) =>
        ServiceRequestStream.LoadAsync(session, timer.RequestId, null, ct);

    public static OutgoingMessages Handle(CloseAfterAppealWindow timer, IEventStream<ServiceRequest> stream, TimeProvider clock, IOptions<LifecycleOptions> options) =>
        stream.Append(LifecycleDecisions.CloseAfterAppealWindow(stream.Aggregate!, options.Value.AppealWindow, clock.GetUtcNow()), options.Value).Item2;
}

public static class CheckSlaHandler
{
    public static Task<IEventStream<ServiceRequest>> LoadAsync(CheckSla timer, IDocumentSession session, CancellationToken ct) =>
        ServiceRequestStream.LoadAsync(session, timer.RequestId, null, ct);

    public static OutgoingMessages Handle(CheckSla timer, IEventStream<ServiceRequest> stream, TimeProvider clock, IOptions<LifecycleOptions> options) =>
        stream.Append(LifecycleDecisions.CheckSla(stream.Aggregate!, clock.GetUtcNow()), options.Value).Item2;
}
