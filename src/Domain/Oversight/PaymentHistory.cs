using MyGovernment.Domain.Common;
using MyGovernment.Domain.Payments;

namespace MyGovernment.Domain.Oversight;

/// <summary>One payment's stream, in version order: linked to its request by <see cref="PaymentCreated.RequestId"/>.</summary>
public sealed class PaymentHistory
{
    public PaymentHistory(IReadOnlyList<OversightEvent> events)
    {
        Events = events;
        Opening = events.FirstOrDefault(e => e.Data is PaymentCreated);
        Created = Opening?.Data as PaymentCreated;
        Capture = events.FirstOrDefault(e => e.Data is PaymentSucceeded);
    }

    public Guid PaymentId => Events[0].StreamId;

    public IReadOnlyList<OversightEvent> Events { get; }

    /// <summary>The <see cref="PaymentCreated"/> event; null for a stream whose start is missing.</summary>
    public OversightEvent? Opening { get; }

    public PaymentCreated? Created { get; }

    public Guid? RequestId => Created?.RequestId;

    /// <summary>The department the money belongs to (the service's owner), as the payment recorded it.</summary>
    public string? DepartmentCode => Created?.DepartmentCode
        ?? Events.Select(e => e.Data).OfType<Reconciliation.PaymentSettled>().FirstOrDefault()?.DepartmentCode;

    /// <summary>The capture (the domain records at most one).</summary>
    public OversightEvent? Capture { get; }

    public Money? Captured => (Capture?.Data as PaymentSucceeded)?.Captured;

    /// <summary>The write model as of an instant, folded with the domain's own pure Evolve.</summary>
    public Payment? StateAt(DateTimeOffset instant) =>
        Events.Where(e => e.At <= instant).Aggregate((Payment?)null, (state, e) => Payment.Evolve(state, e.Data));

    /// <summary>The latest event at or before an instant that moved the payment into its status at that instant.</summary>
    public OversightEvent? StatusSince(DateTimeOffset instant)
    {
        OversightEvent? since = null;
        PaymentStatus? status = null;
        Payment? state = null;
        foreach (var e in Events.Where(e => e.At <= instant))
        {
            state = Payment.Evolve(state, e.Data);
            if (state is not null && state.Status != status)
            {
                status = state.Status;
                since = e;
            }
        }
        return since;
    }
}
