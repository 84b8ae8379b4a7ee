using FluentValidation;
using JasperFx.Events;
using Marten;
using MyGovernment.Application.Privacy;
using MyGovernment.Domain.Common;
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
    public static Task<IEventStream<Refund>> LoadAsync(ApproveRefund command, IDocumentSession session, CancellationToken ct) =>
        RefundStream.LoadAsync(session, command.RefundId, ct);

    public static RefundChanged Handle(ApproveRefund command, IEventStream<Refund> stream, TimeProvider clock)
    {
        var refund = stream.Aggregate!;
        var events = RefundDecisions.Approve(refund, command.By, clock.GetUtcNow());
        stream.AppendMany(events);
        return RefundStream.Changed(refund, stream.CurrentVersion ?? 0, events);
    }
}
