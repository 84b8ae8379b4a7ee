using MyGovernment.Domain.Common;

namespace MyGovernment.Domain.Payments.Refunds;

// One stream per refund, pointing at its payment (DESIGN §5.3). Stored contract: never rename or reshape.

/// <summary>Finance asks to return money from a captured payment, quoting the refundable amount it saw.</summary>
public sealed record RefundRequested(
    Guid RefundId, Guid PaymentId, Money Amount, Money RefundableSeen, string Reason, Actor By, DateTimeOffset At);

/// <summary>A second finance person (never the requester) approved the refund.</summary>
public sealed record RefundApproved(Guid RefundId, Actor By, DateTimeOffset At);

/// <summary>The provider accepted the refund instruction under its own id.</summary>
public sealed record RefundSubmitted(Guid RefundId, string ProviderRefundId, DateTimeOffset At);

/// <summary>The provider returned the money. Carries what the ledger needs, so the ledger reads one event.</summary>
public sealed record RefundSucceeded(Guid RefundId, Guid PaymentId, Money Amount, string DepartmentCode, DateTimeOffset At);

/// <summary>The provider refused or failed the refund; the reserved amount is released on the payment.</summary>
public sealed record RefundFailed(Guid RefundId, string Reason, DateTimeOffset At);

// On the payment stream, appended in the same transaction as the refund's own events: every refund moves the
// payment's version, so two concurrent refund requests on one payment conflict and cannot over-refund.

/// <summary>A requested refund holds this much of the captured amount until it succeeds or fails.</summary>
public sealed record RefundReserved(Guid PaymentId, Guid RefundId, Money Amount, DateTimeOffset At);

/// <summary>A reserved refund failed: its amount is refundable again.</summary>
public sealed record RefundReleased(Guid PaymentId, Guid RefundId, Money Amount, DateTimeOffset At);

/// <summary>A reserved refund succeeded: its amount is refunded for good.</summary>
public sealed record PaymentRefunded(Guid PaymentId, Guid RefundId, Money Amount, DateTimeOffset At);
