using FluentValidation;
using JasperFx.Events;
using Marten;
using MyGovernment.Application.Privacy;
using MyGovernment.Domain.Common;
using MyGovernment.Domain.Payments;
using MyGovernment.Domain.Payments.Refunds;

namespace MyGovernment.Application.Payments.Refunds;

/// <summary>Finance asks to refund part or all of a captured payment, quoting the refundable amount it saw.</summary>
public sealed record RequestRefund(Guid RefundId, Guid PaymentId, Money Amount, Money RefundableSeen, string Reason, Actor By) : LogSafeMessage
{
    public sealed class Validator : AbstractValidator<RequestRefund>
    {
        public Validator()
        {
            RuleFor(c => c.RefundId).NotEmpty();
            RuleFor(c => c.PaymentId).NotEmpty();
            RuleFor(c => c.Amount).NotNull();
            RuleFor(c => c.Amount.Amount).GreaterThan(0m).When(c => c.Amount is not null).OverridePropertyName("amount");
            RuleFor(c => c.Amount.Currency).Length(3).When(c => c.Amount is not null).OverridePropertyName("currency");
            RuleFor(c => c.RefundableSeen).NotNull();
            RuleFor(c => c.Reason).NotEmpty().MaximumLength(500);
            RuleFor(c => c.By).NotNull();
        }
    }
}

/// <summary>
/// Starts the refund's stream and reserves its amount on the payment's stream in one transaction. Both are loaded
/// with FetchForWriting, so a concurrent request on the same payment (which also appends to it) conflicts: one
/// commits, the other gets 409 and must reload (and then sees the smaller refundable amount).
/// </summary>
public static class RequestRefundHandler
{
    public static Task<IEventStream<Payment>> LoadAsync(RequestRefund command, IDocumentSession session, CancellationToken ct) =>
        PaymentStream.LoadAsync(session, command.PaymentId, ct);

    public static RefundChanged Handle(RequestRefund command, IEventStream<Payment> payment, IDocumentSession session, TimeProvider clock)
    {
        var outcome = RefundDecisions.Request(
            command.RefundId, payment.Aggregate!, command.Amount, command.RefundableSeen, command.Reason, command.By, clock.GetUtcNow());
        session.Events.StartStream<Refund>(command.RefundId, [.. outcome.RefundEvents]);
        payment.AppendMany(outcome.PaymentEvents);
        return new RefundChanged(command.RefundId, command.PaymentId, outcome.RefundEvents.Count, RefundStatus.Requested);
    }
}
