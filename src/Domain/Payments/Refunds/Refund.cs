using MyGovernment.Domain.Common;

namespace MyGovernment.Domain.Payments.Refunds;

public enum RefundStatus
{
    Requested,
    Approved,
    Submitted,
    Succeeded,
    Failed,
}

/// <summary>Write model of one refund, folded by the pure <see cref="Evolve"/>.</summary>
public sealed record Refund(
    Guid Id, Guid PaymentId, Money Amount, Actor RequestedBy, RefundStatus Status, string? ProviderRefundId = null, Actor? ApprovedBy = null)
{
    public bool IsFinal => Status is RefundStatus.Succeeded or RefundStatus.Failed;

    public static Refund? Evolve(Refund? state, object @event) => (state, @event) switch
    {
        (_, RefundRequested e) => new Refund(e.RefundId, e.PaymentId, e.Amount, e.By, RefundStatus.Requested),
        (null, _) => null,
        (_, RefundApproved e) => state with { Status = RefundStatus.Approved, ApprovedBy = e.By },
        (_, RefundSubmitted e) => state with { Status = RefundStatus.Submitted, ProviderRefundId = e.ProviderRefundId },
        (_, RefundSucceeded) => state with { Status = RefundStatus.Succeeded },
        (_, RefundFailed) => state with { Status = RefundStatus.Failed },
        _ => state,
    };
}
