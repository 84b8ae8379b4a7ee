using FluentValidation;
using JasperFx.Events;
using Marten;
using MyGovernment.Application.Privacy;
using MyGovernment.Domain.Common;
using MyGovernment.Domain.Payments;
using MyGovernment.Domain.Payments.Refunds;

namespace MyGovernment.Application.Payments.Refunds;

/// <summary>A second finance person approves a requested refund (maker-checker). Submission follows (<see cref="SubmitRefund"/>).</summary>
public sealed record ApproveRefund(Guid RefundId, Actor By) : LogSafeMessage
{
    public sealed class Validator : AbstractValidator<ApproveRefund>
    {
        public Validator()
        {
            RuleFor(c => c.RefundId).NotEmpty();
            RuleFor(c => c.By).NotNull();
        }
    }
}

public static class ApproveRefundHandler
{
    public static async Task<(IEventStream<Refund>, Payment)> LoadAsync(ApproveRefund command, IDocumentSession session, CancellationToken ct)
    {
        var stream = await RefundStream.LoadAsync(session, command.RefundId, ct);
        // The payment tells who the money would go back to: never the approver.
        var payment = await session.Events.FetchLatest<Payment>(stream.Aggregate!.PaymentId, ct)
            ?? throw new NotFoundException("payment_not_found", "No such payment.");
        return (stream, payment);
    }

    public static RefundChanged Handle(ApproveRefund command, IEventStream<Refund> stream, Payment payment, TimeProvider clock)
    {
        var refund = stream.Aggregate!;
        var events = RefundDecisions.Approve(refund, payment, command.By, clock.GetUtcNow());
        stream.AppendMany(events);
        return RefundStream.Changed(refund, stream.CurrentVersion ?? 0, events);
    }
}
