using MyGovernment.Domain.Common;
using MyGovernment.Domain.ServiceRequests;

namespace MyGovernment.Domain.Payments.Refunds;

/// <summary>What a decision appends: to the refund's own stream and to its payment's stream, in one transaction.</summary>
public sealed record RefundOutcome(IReadOnlyList<object> RefundEvents, IReadOnlyList<object> PaymentEvents);

/// <summary>
/// Pure decisions on refunds (maker-checker, DESIGN §4). The refundable amount is captured − refunded − pending
/// (requested or approved refunds not yet settled), all from the payment's own stream.
/// </summary>
public static class RefundDecisions
{
    /// <summary>What may still be refunded from a payment; zero for a payment that captured nothing.</summary>
    public static Money Refundable(Payment payment) =>
        payment.Captured is { } captured && payment.IsCaptured
            ? captured with { Amount = captured.Amount - payment.Refunded - payment.RefundPending }
            : Money.Zero(payment.Amount.Currency);

    /// <summary>
    /// Finance asks for a refund. Refused when the payment captured nothing, when the refundable amount quoted is not
    /// the current one (someone refunded meanwhile: the requester decided on stale numbers), or when it is more than
    /// is refundable. Reserves the amount on the payment.
    /// </summary>
    public static RefundOutcome Request(
        Guid refundId, Payment payment, Money amount, Money refundableSeen, string reason, Actor by, DateTimeOffset now)
    {
        if (!payment.IsCaptured)
        {
            throw Guard.Rule("payment_not_refundable", $"The payment is {payment.Status}; only captured money can be refunded.");
        }
        RefuseThePayer(payment, by);
        var refundable = Refundable(payment);
        if (amount.Currency != refundable.Currency || refundableSeen.Currency != refundable.Currency)
        {
            throw Guard.Rule("currency_mismatch", $"The payment was captured in {refundable.Currency}.");
        }
        if (refundableSeen.Amount != refundable.Amount)
        {
            throw Guard.Rule("stale_refundable_amount",
                $"The refundable amount is now {refundable}, not {refundableSeen}. Reload the payment and decide again.");
        }
        if (amount.Amount <= 0 || amount.Amount > refundable.Amount)
        {
            throw Guard.Rule("refund_exceeds_refundable", $"At most {refundable} can be refunded.");
        }
        return new RefundOutcome(
            [new RefundRequested(refundId, payment.Id, amount, refundableSeen, reason, by, now)],
            [new RefundReserved(payment.Id, refundId, amount, now)]);
    }

    /// <summary>A second finance person approves: never the one who asked (maker-checker).</summary>
    public static IReadOnlyList<object> Approve(Refund refund, Payment payment, Actor by, DateTimeOffset now)
    {
        if (refund.Status != RefundStatus.Requested)
        {
            throw Guard.Rule("refund_not_awaiting_approval", $"The refund is {refund.Status}; only a requested refund can be approved.");
        }
        RefuseThePayer(payment, by);
        if (refund.RequestedBy.IsSamePersonAs(by))
        {
            throw new DomainException("maker_checker", "A refund must be approved by someone other than the person who requested it.") { Context = "refund" };
        }
        return [new RefundApproved(refund.Id, by, now)];
    }

    /// <summary>A finance officer never refunds money to themselves, neither asking nor approving.</summary>
    private static void RefuseThePayer(Payment payment, Actor by)
    {
        if (by.NationalId is { } nationalId && nationalId == payment.PayerId)
        {
            throw Guard.Rule("own_payment_refund", "A refund of your own payment must be requested and approved by other finance staff.");
        }
    }

    /// <summary>The provider's answer to an approved refund: submitted, then succeeded or failed, and the payment settled to match.</summary>
    public static RefundOutcome Settle(
        Refund refund, Payment payment, string providerRefundId, bool succeeded, string? failureReason, DateTimeOffset now)
    {
        if (refund.IsFinal)
        {
            return new RefundOutcome([], []);
        }
        if (refund.Status is not (RefundStatus.Approved or RefundStatus.Submitted))
        {
            throw Guard.Rule("refund_not_approved", "The refund has not been approved.");
        }
        var events = new List<object>();
        if (refund.Status == RefundStatus.Approved)
        {
            events.Add(new RefundSubmitted(refund.Id, providerRefundId, now));
        }
        if (succeeded)
        {
            events.Add(new RefundSucceeded(refund.Id, payment.Id, refund.Amount, payment.DepartmentCode, now));
            return new RefundOutcome(events, [new PaymentRefunded(payment.Id, refund.Id, refund.Amount, now)]);
        }
        events.Add(new RefundFailed(refund.Id, failureReason ?? "Refused by the provider.", now));
        return new RefundOutcome(events, [new RefundReleased(payment.Id, refund.Id, refund.Amount, now)]);
    }
}
