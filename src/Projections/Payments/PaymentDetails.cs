using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Aggregation;
using MyGovernment.Domain.Common;
using MyGovernment.Domain.Payments;
using MyGovernment.Domain.Payments.Refunds;
using MyGovernment.Domain.Reconciliation;

namespace MyGovernment.Projections.Payments;

/// <summary>One payment as its payer, finance and auditors see it, and as the recurring re-check job finds it.</summary>
public sealed class PaymentDetails
{
    public Guid Id { get; set; }

    public long Version { get; set; }

    public Guid RequestId { get; set; }

    public string DepartmentCode { get; set; } = "";

    public string PayerId { get; set; } = "";

    public Money Amount { get; set; } = Money.Zero(Money.Shekel);

    public PaymentChannel Channel { get; set; }

    public PaymentStatus Status { get; set; }

    public string? ProviderSessionId { get; set; }

    public string? RedirectUrl { get; set; }

    /// <summary>What the citizen carries to a bank or agent (cash channel).</summary>
    public string? CashReference { get; set; }

    public DateTimeOffset? ExpiresAt { get; set; }

    public Money? Captured { get; set; }

    public DateTimeOffset? CapturedAt { get; set; }

    public string? FailureReason { get; set; }

    /// <summary>The provider said something that contradicts the record: reconciliation must look at it.</summary>
    public bool NeedsReconciliation { get; set; }

    /// <summary>Refunded for good (succeeded refunds).</summary>
    public decimal Refunded { get; set; }

    /// <summary>Held by refunds requested or approved and not yet settled.</summary>
    public decimal RefundPending { get; set; }

    /// <summary>Captured − refunded − pending: what a refund request must quote as the refundable amount it saw.</summary>
    public Money? Refundable { get; set; }

    /// <summary>The reconciliation whose statement settled it, and what the provider paid out.</summary>
    public Guid? SettledBy { get; set; }

    public Money? SettledGross { get; set; }

    public Money? SettlementFee { get; set; }

    public Money? SettledNet { get; set; }

    /// <summary>The reconciliation that found our books and the statement in agreement.</summary>
    public Guid? ReconciledBy { get; set; }

    /// <summary>The breaks reconciliations found on it (rule names), oldest first.</summary>
    public List<string> ReconciliationBreaks { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset LastChangedAt { get; set; }
}

/// <summary>Builds <see cref="PaymentDetails"/> from one payment stream; time comes from the events, never the clock.</summary>
public sealed partial class PaymentDetailsProjection : SingleStreamProjection<PaymentDetails, Guid>
{
    /// <summary>Run inline only for the transactions with an event of this projection's (see InlineScreen).</summary>
    protected override IInlineProjection<IDocumentOperations> buildForInline() => new InlineScreen(base.buildForInline(), () => AllEventTypes);

    public static PaymentDetails Create(IEvent<PaymentCreated> e) => new()
    {
        RequestId = e.Data.RequestId,
        DepartmentCode = e.Data.DepartmentCode,
        PayerId = e.Data.PayerId,
        Amount = e.Data.Amount,
        Channel = e.Data.Channel,
        Status = PaymentStatus.Created,
        CreatedAt = e.Data.At,
        LastChangedAt = e.Data.At,
        Version = e.Version,
    };

    public static void Apply(IEvent<PaymentStarted> e, PaymentDetails view)
    {
        Touch(view, e, e.Data.At, PaymentStatus.Started);
        view.ProviderSessionId = e.Data.ProviderSessionId;
        view.RedirectUrl = e.Data.RedirectUrl;
        view.CashReference = e.Data.CashReference;
        view.ExpiresAt = e.Data.ExpiresAt;
    }

    public static void Apply(IEvent<PaymentAuthorised> e, PaymentDetails view) => Touch(view, e, e.Data.At, PaymentStatus.Authorised);

    public static void Apply(IEvent<PaymentSucceeded> e, PaymentDetails view)
    {
        Touch(view, e, e.Data.At, PaymentStatus.Succeeded);
        view.Captured = e.Data.Captured;
        view.CapturedAt = e.Data.At;
        view.Refundable = e.Data.Captured;
    }

    public static void Apply(IEvent<RefundReserved> e, PaymentDetails view) => Refunds(view, e, e.Data.At, e.Data.Amount.Amount, 0m);

    public static void Apply(IEvent<RefundReleased> e, PaymentDetails view) => Refunds(view, e, e.Data.At, -e.Data.Amount.Amount, 0m);

    public static void Apply(IEvent<PaymentRefunded> e, PaymentDetails view) => Refunds(view, e, e.Data.At, -e.Data.Amount.Amount, e.Data.Amount.Amount);

    private static void Refunds(PaymentDetails view, IEvent e, DateTimeOffset at, decimal pending, decimal refunded)
    {
        Touch(view, e, at, view.Status);
        view.RefundPending += pending;
        view.Refunded += refunded;
        if (view.Captured is { } captured)
        {
            view.Refundable = captured with { Amount = captured.Amount - view.Refunded - view.RefundPending };
        }
    }

    public static void Apply(IEvent<PaymentFailed> e, PaymentDetails view) => Touch(view, e, e.Data.At, PaymentStatus.Failed).FailureReason = e.Data.Reason;

    public static void Apply(IEvent<PaymentCancelled> e, PaymentDetails view) => Touch(view, e, e.Data.At, PaymentStatus.Cancelled).FailureReason = e.Data.Reason;

    public static void Apply(IEvent<PaymentExpired> e, PaymentDetails view) => Touch(view, e, e.Data.At, PaymentStatus.Expired);

    public static void Apply(IEvent<PaymentErrored> e, PaymentDetails view) => Touch(view, e, e.Data.At, PaymentStatus.Error).FailureReason = e.Data.Reason;

    public static void Apply(IEvent<PaymentStatusUnknown> e, PaymentDetails view) => Touch(view, e, e.Data.At, PaymentStatus.StatusUnknown);

    public static void Apply(IEvent<PaymentStatusRecovered> e, PaymentDetails view) => Touch(view, e, e.Data.At, e.Data.Status);

    public static void Apply(IEvent<ContradictoryProviderEventRecorded> e, PaymentDetails view)
    {
        Touch(view, e, e.Data.At, view.Status);
        view.NeedsReconciliation = true;
    }

    public static void Apply(IEvent<PaymentSettled> e, PaymentDetails view)
    {
        Touch(view, e, e.Data.At, PaymentStatus.Settled);
        view.SettledBy = e.Data.ReconciliationId;
        view.SettledGross = e.Data.Gross;
        view.SettlementFee = e.Data.Fee;
        view.SettledNet = e.Data.Net;
    }

    public static void Apply(IEvent<PaymentReconciled> e, PaymentDetails view) =>
        Touch(view, e, e.Data.At, PaymentStatus.Reconciled).ReconciledBy = e.Data.ReconciliationId;

    public static void Apply(IEvent<PaymentReconciliationFlagged> e, PaymentDetails view)
    {
        Touch(view, e, e.Data.At, view.Status);
        view.NeedsReconciliation = true;
        view.ReconciliationBreaks.Add(e.Data.Rule);
    }

    private static PaymentDetails Touch(PaymentDetails view, IEvent e, DateTimeOffset at, PaymentStatus status)
    {
        view.Version = e.Version;
        view.LastChangedAt = at;
        view.Status = status;
        return view;
    }
}
