using JasperFx.Events;
using Marten;
using MyGovernment.Domain.Common;
using MyGovernment.Domain.Payments.Refunds;

namespace MyGovernment.Application.Payments.Refunds;

/// <summary>What refund commands answer.</summary>
public sealed record RefundChanged(Guid RefundId, Guid PaymentId, long Version, RefundStatus Status);

public static class RefundStream
{
    public static async Task<IEventStream<Refund>> LoadAsync(IDocumentSession session, Guid refundId, CancellationToken ct)
    {
        var stream = await session.Events.FetchForWriting<Refund>(refundId, ct);
        return stream.Aggregate is null ? throw new NotFoundException("refund_not_found", "No such refund.") : stream;
    }

    public static RefundChanged Changed(Refund refund, long versionBefore, IReadOnlyList<object> events)
    {
        var state = events.Aggregate(refund, (s, e) => Refund.Evolve(s, e)!);
        return new RefundChanged(refund.Id, refund.PaymentId, versionBefore + events.Count, state.Status);
    }
}
