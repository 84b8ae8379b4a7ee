using MyGovernment.Domain.Common;

namespace MyGovernment.Domain.Payments;

// One stream per payment (DESIGN §5.3). Stored contract: never rename or reshape; add new events instead.
// Provider events are recorded with the provider's event id, so the stream itself shows which delivery (or status
// query) moved it, and a repeated delivery is recognised.

/// <summary>The citizen chose to pay the request's outstanding fee through a channel. Nothing was sent to a provider yet.</summary>
public sealed record PaymentCreated(
    Guid PaymentId, Guid RequestId, string DepartmentCode, Money Amount, PaymentChannel Channel, string PayerId, Actor By, DateTimeOffset At);

/// <summary>The provider opened a checkout session: a hosted page to redirect to (card, wallet) or a cash reference to carry to an agent.</summary>
public sealed record PaymentStarted(
    Guid PaymentId, string ProviderSessionId, string? RedirectUrl, string? CashReference, DateTimeOffset ExpiresAt, DateTimeOffset At);

/// <summary>The provider holds the money (authorisation); capture is still to come.</summary>
public sealed record PaymentAuthorised(Guid PaymentId, string ProviderEventId, DateTimeOffset At);

/// <summary>The provider captured the money. Recorded at most once per payment.</summary>
public sealed record PaymentSucceeded(Guid PaymentId, string ProviderEventId, Money Captured, DateTimeOffset At);

public sealed record PaymentFailed(Guid PaymentId, string ProviderEventId, string Reason, DateTimeOffset At);

public sealed record PaymentCancelled(Guid PaymentId, string ProviderEventId, string Reason, DateTimeOffset At);

/// <summary>Nobody paid in time: by our own timer (no provider event id) or by the provider's word.</summary>
public sealed record PaymentExpired(Guid PaymentId, string? ProviderEventId, DateTimeOffset At);

/// <summary>The provider refused or could not open a session; the citizen may start another payment.</summary>
public sealed record PaymentErrored(Guid PaymentId, string Reason, DateTimeOffset At);

/// <summary>We could not learn the outcome (provider unreachable when it mattered); a recurring job asks again.</summary>
public sealed record PaymentStatusUnknown(Guid PaymentId, string Reason, DateTimeOffset At);

/// <summary>
/// The provider answered again after a <see cref="PaymentStatusUnknown"/>: the payment is back at the status it had
/// before (an Authorised payment stays Authorised, so it is never expired by us); what the provider reports then
/// follows as its own events.
/// </summary>
public sealed record PaymentStatusRecovered(Guid PaymentId, PaymentStatus Status, DateTimeOffset At);

/// <summary>
/// A provider event that contradicts what the stream already says (a failure after a capture, a capture of another
/// amount, a capture after we gave up). Kept as evidence and flags the payment for reconciliation; it never moves the
/// payment back.
/// </summary>
public sealed record ContradictoryProviderEventRecorded(
    Guid PaymentId, string ProviderEventId, ProviderPaymentStatus ProviderStatus, string Reason, DateTimeOffset At);
