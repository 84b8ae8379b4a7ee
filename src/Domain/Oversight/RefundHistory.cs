using MyGovernment.Domain.Payments.Refunds;

namespace MyGovernment.Domain.Oversight;

/// <summary>One refund's stream, in version order: linked to its payment by <see cref="RefundRequested.PaymentId"/>.</summary>
public sealed class RefundHistory
{
    public RefundHistory(IReadOnlyList<OversightEvent> events)
    {
        Events = events;
        Requested = events.FirstOrDefault(e => e.Data is RefundRequested);
        Approved = events.FirstOrDefault(e => e.Data is RefundApproved);
        Succeeded = events.FirstOrDefault(e => e.Data is RefundSucceeded);
    }

    public Guid RefundId => Events[0].StreamId;

    public IReadOnlyList<OversightEvent> Events { get; }

    public OversightEvent? Requested { get; }

    public OversightEvent? Approved { get; }

    /// <summary>The provider returned the money (recorded at most once).</summary>
    public OversightEvent? Succeeded { get; }

    public Guid? PaymentId => (Requested?.Data as RefundRequested)?.PaymentId ?? (Succeeded?.Data as RefundSucceeded)?.PaymentId;

    /// <summary>The finance person who asked for the refund: the maker.</summary>
    public Common.Actor? RequestedBy => Requested?.Actor;
}
