using MyGovernment.Domain.Common;
using MyGovernment.Domain.Oversight;
using MyGovernment.Domain.Payments;
using MyGovernment.Domain.Payments.Refunds;
using MyGovernment.Domain.Reconciliation;

namespace MyGovernment.Domain.Tests.Oversight;

/// <summary>Payment, refund and settlement-statement streams for the money reports (5, 6, 10 and the refund pair of 1).</summary>
public sealed partial class OversightWorld
{
    public static readonly Actor Finance1 = new("fin-1", "finance", "TREASURY", "400000059");
    public static readonly Actor Finance2 = new("fin-2", "finance", "TREASURY", "400000067");
    public static readonly Actor Finance3 = new("fin-3", "finance", "TREASURY", "400000075");

    public PaymentBuilder Payment(Guid requestId, DateTimeOffset at, decimal amount = 20m, Guid? id = null)
    {
        var payment = new PaymentBuilder(this, id ?? Guid.NewGuid(), Money.Ils(amount));
        Add(payment.Id, new PaymentCreated(payment.Id, requestId, Department, payment.Amount, PaymentChannel.Card, Applicant, Citizen, at));
        return payment;
    }

    /// <summary>A refund as the domain writes it: its own stream, and the reservation and the refund on the payment.</summary>
    public RefundEvents Refund(PaymentBuilder payment, decimal amount, Actor requester, Actor approver, DateTimeOffset at, Guid? id = null)
    {
        var refundId = id ?? Guid.NewGuid();
        var money = Money.Ils(amount);
        var requested = Add(refundId, new RefundRequested(refundId, payment.Id, money, money, "paid twice", requester, at));
        Add(payment.Id, new RefundReserved(payment.Id, refundId, money, at));
        var approved = Add(refundId, new RefundApproved(refundId, approver, at.AddMinutes(10)));
        Add(refundId, new RefundSubmitted(refundId, "re_" + refundId.ToString("N")[..8], at.AddMinutes(11)));
        var succeeded = Add(refundId, new RefundSucceeded(refundId, payment.Id, money, Department, at.AddMinutes(11)));
        var refunded = Add(payment.Id, new PaymentRefunded(payment.Id, refundId, money, at.AddMinutes(11)));
        return new RefundEvents(refundId, requested, approved, succeeded, refunded);
    }

    public sealed record RefundEvents(Guid Id, OversightEvent Requested, OversightEvent Approved, OversightEvent Succeeded, OversightEvent Refunded);

    /// <summary>Runs the domain's own matcher over statement lines and stores what it would append.</summary>
    public (Guid Id, ReconciliationOutcome Outcome) Statement(DateOnly date, IReadOnlyList<StatementLine> lines, IReadOnlyCollection<PaymentForReconciliation> payments, DateTimeOffset at)
    {
        var id = Guid.NewGuid();
        var outcome = Reconciler.Reconcile(id, "sandbox", date, "ab12", lines, payments, Finance1, at);
        foreach (var e in outcome.ReconciliationEvents)
        {
            Add(id, e);
        }
        foreach (var (paymentId, events) in outcome.PaymentEvents)
        {
            foreach (var e in events)
            {
                Add(paymentId, e);
            }
        }
        return (id, outcome);
    }

    public sealed class PaymentBuilder(OversightWorld world, Guid id, Money amount)
    {
        public Guid Id => id;

        public Money Amount => amount;

        public string Session => "cs_" + id.ToString("N")[..12];

        public OversightEvent Started(DateTimeOffset at) => world.Add(id, new PaymentStarted(id, Session, null, null, at.AddMinutes(30), at));

        public OversightEvent Authorised(DateTimeOffset at) => world.Add(id, new PaymentAuthorised(id, "evt_auth_" + at.Ticks, at));

        public OversightEvent Captured(DateTimeOffset at, decimal? captured = null) =>
            world.Add(id, new PaymentSucceeded(id, "evt_ok_" + at.Ticks, captured is { } c ? Money.Ils(c) : amount, at));

        public OversightEvent Unknown(DateTimeOffset at) => world.Add(id, new PaymentStatusUnknown(id, "provider unreachable", at));

        public OversightEvent Settled(Guid reconciliationId, DateTimeOffset at) =>
            world.Add(id, new PaymentSettled(id, reconciliationId, Department, PalestineTime.LocalDate(at), amount, Money.Ils(0.3m), amount with { Amount = amount.Amount - 0.3m }, at));

        public OversightEvent Reconciled(Guid reconciliationId, DateTimeOffset at) => world.Add(id, new PaymentReconciled(id, reconciliationId, at));

        public PaymentForReconciliation ForReconciliation(DateTimeOffset capturedAt) =>
            new(id, 3, Department, Session, PaymentStatus.Succeeded, amount, capturedAt, null);
    }
}
