using FluentValidation;
using JasperFx.Events;
using Marten;
using MyGovernment.Application.Privacy;
using MyGovernment.Domain.Payments;
using MyGovernment.Domain.Payments.Refunds;

namespace MyGovernment.Application.Payments.Refunds;

/// <summary>
/// Sends an approved refund to the provider and records its answer. Runs after the approval committed, so a
/// provider failure leaves an approved refund that can be submitted again (the provider is idempotent per refund
/// id). No database lock is held during the call: the appends are checked against the versions loaded.
/// </summary>
public sealed record SubmitRefund(Guid RefundId) : LogSafeMessage
{
    public sealed class Validator : AbstractValidator<SubmitRefund>
    {
        public Validator() => RuleFor(c => c.RefundId).NotEmpty();
    }
}

public static class SubmitRefundHandler
{
    public static async Task<(IEventStream<Refund>, IEventStream<Payment>)> LoadAsync(SubmitRefund command, IDocumentSession session, CancellationToken ct)
    {
        var refund = await RefundStream.LoadAsync(session, command.RefundId, ct);
        var payment = await PaymentStream.LoadAsync(session, refund.Aggregate!.PaymentId, ct);
        return (refund, payment);
    }

    public static async Task<RefundChanged> Handle(
        SubmitRefund command, IEventStream<Refund> refundStream, IEventStream<Payment> paymentStream, IPaymentProvider provider, TimeProvider clock,
        CancellationToken ct)
    {
        var refund = refundStream.Aggregate!;
        var payment = paymentStream.Aggregate!;
        var version = refundStream.CurrentVersion ?? 0;
        if (refund.Status is not (RefundStatus.Approved or RefundStatus.Submitted))
        {
            return RefundStream.Changed(refund, version, []);
        }
        ProviderRefundResult answer;
        try
        {
            answer = await provider.RefundAsync(new ProviderRefundRequest(refund.Id, payment.ProviderSessionId ?? "", refund.Amount), ct);
        }
        catch (PaymentProviderException)
        {
            // Stays approved: submitting again is safe.
            return RefundStream.Changed(refund, version, []);
        }
        var outcome = RefundDecisions.Settle(refund, payment, answer.ProviderRefundId, answer.Succeeded, answer.FailureReason, clock.GetUtcNow());
        refundStream.AppendMany(outcome.RefundEvents);
        paymentStream.AppendMany(outcome.PaymentEvents);
        return RefundStream.Changed(refund, version, outcome.RefundEvents);
    }
}
