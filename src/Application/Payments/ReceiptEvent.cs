using Marten;
using Marten.Events;
using MyGovernment.Domain.Payments;

namespace MyGovernment.Application.Payments;

/// <summary>The event a payment's receipt proves: its first success, found in the event store itself.</summary>
public static class ReceiptEvent
{
    /// <summary>The sequence number of the payment's first <see cref="PaymentSucceeded"/>, or null before it succeeded.</summary>
    public static async Task<long?> SequenceAsync(IQuerySession session, Guid paymentId, CancellationToken ct)
    {
        var first = await session.Events.QueryAllRawEvents()
            .Where(e => e.StreamId == paymentId && e.EventTypesAre(typeof(PaymentSucceeded)))
            .OrderBy(e => e.Sequence)
            .FirstOrDefaultAsync(ct);
        return first?.Sequence;
    }
}
