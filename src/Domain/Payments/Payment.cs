using MyGovernment.Domain.Common;

namespace MyGovernment.Domain.Payments;

/// <summary>Write model of one payment: only what the decisions need, folded by the pure <see cref="Evolve"/>.</summary>
public sealed record Payment(
    Guid Id,
    Guid RequestId,
    string DepartmentCode,
    Money Amount,
    PaymentChannel Channel,
    string PayerId,
    PaymentStatus Status,
    DateTimeOffset CreatedAt,
    string? ProviderSessionId = null,
    DateTimeOffset? ExpiresAt = null,
    Money? Captured = null,
    bool NeedsReconciliation = false,
    IReadOnlySet<string>? SeenProviderEvents = null,
    decimal Refunded = 0m,
    decimal RefundPending = 0m,
    PaymentStatus? StatusBeforeUnknown = null)
{
    /// <summary>Money was taken: nothing but settlement and reconciliation follows.</summary>
    public bool IsCaptured => Status is PaymentStatus.Succeeded or PaymentStatus.Settled or PaymentStatus.Reconciled;

    /// <summary>Ended without money. Not absorbing: a capture reported later is real money and still wins.</summary>
    public bool EndedWithoutMoney => Status is PaymentStatus.Failed or PaymentStatus.Cancelled or PaymentStatus.Expired or PaymentStatus.Error;

    public bool IsFinal => IsCaptured || EndedWithoutMoney;

    /// <summary>Authorised at the provider, also while its status is unknown to us: its capture is pending there.</summary>
    public bool IsAuthorised => Status == PaymentStatus.Authorised
        || (Status == PaymentStatus.StatusUnknown && StatusBeforeUnknown == PaymentStatus.Authorised);

    public bool HasSeen(string providerEventId) => SeenProviderEvents?.Contains(providerEventId) == true;

    public static Payment? Evolve(Payment? state, object @event) => (state, @event) switch
    {
        (_, PaymentCreated e) => new Payment(e.PaymentId, e.RequestId, e.DepartmentCode, e.Amount, e.Channel, e.PayerId, PaymentStatus.Created, e.At),
        (null, _) => null,
        (_, PaymentStarted e) => state with { Status = PaymentStatus.Started, ProviderSessionId = e.ProviderSessionId, ExpiresAt = e.ExpiresAt },
        (_, PaymentAuthorised e) => Seen(state, e.ProviderEventId) with { Status = PaymentStatus.Authorised },
        (_, PaymentSucceeded e) => Seen(state, e.ProviderEventId) with { Status = PaymentStatus.Succeeded, Captured = e.Captured },
        (_, PaymentFailed e) => Seen(state, e.ProviderEventId) with { Status = PaymentStatus.Failed },
        (_, PaymentCancelled e) => Seen(state, e.ProviderEventId) with { Status = PaymentStatus.Cancelled },
        (_, PaymentExpired e) => (e.ProviderEventId is null ? state : Seen(state, e.ProviderEventId)) with { Status = PaymentStatus.Expired },
        (_, PaymentErrored) => state with { Status = PaymentStatus.Error },
        (_, PaymentStatusUnknown) => state with
        {
            Status = PaymentStatus.StatusUnknown,
            StatusBeforeUnknown = state.Status == PaymentStatus.StatusUnknown ? state.StatusBeforeUnknown : state.Status,
        },
        (_, PaymentStatusRecovered e) => state with { Status = e.Status, StatusBeforeUnknown = null },
        (_, Reconciliation.PaymentSettled) => state with { Status = PaymentStatus.Settled },
        (_, Reconciliation.PaymentReconciled) => state with { Status = PaymentStatus.Reconciled },
        (_, Reconciliation.PaymentReconciliationFlagged) => state with { NeedsReconciliation = true },
        (_, ContradictoryProviderEventRecorded e) => Seen(state, e.ProviderEventId) with { NeedsReconciliation = true },
        (_, Refunds.RefundReserved e) => state with { RefundPending = state.RefundPending + e.Amount.Amount },
        (_, Refunds.RefundReleased e) => state with { RefundPending = state.RefundPending - e.Amount.Amount },
        (_, Refunds.PaymentRefunded e) => state with { RefundPending = state.RefundPending - e.Amount.Amount, Refunded = state.Refunded + e.Amount.Amount },
        _ => state,
    };

    private static Payment Seen(Payment state, string providerEventId) =>
        state with { SeenProviderEvents = new HashSet<string>(state.SeenProviderEvents ?? new HashSet<string>()) { providerEventId } };
}
