using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Aggregation;
using MyGovernment.Domain.Common;
using MyGovernment.Domain.Payments.Refunds;

namespace MyGovernment.Projections.Payments;

/// <summary>One refund as finance and auditors see it.</summary>
public sealed class RefundDetails
{
    public Guid Id { get; set; }

    public long Version { get; set; }

    public Guid PaymentId { get; set; }

    public Money Amount { get; set; } = Money.Zero(Money.Shekel);

    public Money RefundableSeen { get; set; } = Money.Zero(Money.Shekel);

    public string Reason { get; set; } = "";

    public RefundStatus Status { get; set; }

    public Actor RequestedBy { get; set; } = new("", "");

    public Actor? ApprovedBy { get; set; }

    public string? ProviderRefundId { get; set; }

    public string? FailureReason { get; set; }

    public DateTimeOffset RequestedAt { get; set; }

    public DateTimeOffset LastChangedAt { get; set; }
}

/// <summary>Builds <see cref="RefundDetails"/> from one refund stream (inline: finance reads it right after acting).</summary>
public sealed partial class RefundDetailsProjection : SingleStreamProjection<RefundDetails, Guid>
{
    /// <summary>Run inline only for the transactions with an event of this projection's (see InlineScreen).</summary>
    protected override IInlineProjection<IDocumentOperations> buildForInline() => new InlineScreen(base.buildForInline(), () => AllEventTypes);

    public static RefundDetails Create(IEvent<RefundRequested> e) => new()
    {
        PaymentId = e.Data.PaymentId,
        Amount = e.Data.Amount,
        RefundableSeen = e.Data.RefundableSeen,
        Reason = e.Data.Reason,
        RequestedBy = e.Data.By,
        Status = RefundStatus.Requested,
        RequestedAt = e.Data.At,
        LastChangedAt = e.Data.At,
        Version = e.Version,
    };

    public static void Apply(IEvent<RefundApproved> e, RefundDetails view) => Touch(view, e, e.Data.At, RefundStatus.Approved).ApprovedBy = e.Data.By;

    public static void Apply(IEvent<RefundSubmitted> e, RefundDetails view) =>
        Touch(view, e, e.Data.At, RefundStatus.Submitted).ProviderRefundId = e.Data.ProviderRefundId;

    public static void Apply(IEvent<RefundSucceeded> e, RefundDetails view) => Touch(view, e, e.Data.At, RefundStatus.Succeeded);

    public static void Apply(IEvent<RefundFailed> e, RefundDetails view) => Touch(view, e, e.Data.At, RefundStatus.Failed).FailureReason = e.Data.Reason;

    private static RefundDetails Touch(RefundDetails view, IEvent e, DateTimeOffset at, RefundStatus status)
    {
        view.Version = e.Version;
        view.LastChangedAt = at;
        view.Status = status;
        return view;
    }
}
