using MyGovernment.Domain.Common;
using MyGovernment.Domain.ServiceRequests;

namespace MyGovernment.Domain.Payments;

/// <summary>
/// Pure decisions on one payment. Provider news is idempotent and order-independent: whatever order and however
/// often the provider's events arrive, the payment ends in the same state with at most one capture recorded.
/// </summary>
public static class PaymentDecisions
{
    /// <summary>The applicant pays what is still owed on a request that awaits payment, in full.</summary>
    public static IReadOnlyList<object> Create(
        Guid paymentId, ServiceRequest request, string departmentCode, PaymentChannel channel, Actor payer, DateTimeOffset now)
    {
        Guard.Applicant(request, payer);
        if (!request.IsPaid || request.Fee is null)
        {
            throw Guard.Rule("no_fee_due", "This request has no fee to pay.");
        }
        var outstanding = request.Fee.Amount - (request.Paid?.Amount ?? 0m);
        if (request.Status != ServiceRequestStatus.AwaitingPayment || outstanding <= 0)
        {
            throw Guard.Rule("payment_not_due", $"The request is {request.Status}; no payment is due.");
        }
        return [new PaymentCreated(paymentId, request.Id, departmentCode, request.Fee with { Amount = outstanding }, channel,
            payer.NationalId ?? payer.Subject, payer, now)];
    }

    /// <summary>The provider opened its session. Only a created payment starts; a repeat changes nothing.</summary>
    public static IReadOnlyList<object> Start(
        Payment payment, string providerSessionId, string? redirectUrl, string? cashReference, DateTimeOffset expiresAt, DateTimeOffset now) =>
        payment.Status == PaymentStatus.Created
            ? [new PaymentStarted(payment.Id, providerSessionId, redirectUrl, cashReference, expiresAt, now)]
            : [];

    /// <summary>The provider refused to open a session (or could not be reached while opening it).</summary>
    public static IReadOnlyList<object> FailToStart(Payment payment, string reason, DateTimeOffset now) =>
        payment.Status == PaymentStatus.Created ? [new PaymentErrored(payment.Id, reason, now)] : [];

    /// <summary>
    /// Applies what the provider says. Rules, so every delivery order gives the same result:
    /// an event id seen before changes nothing; "authorised" is older news than any outcome, so it only moves a
    /// payment still waiting; the first capture is recorded and later ones change nothing; a failure, cancellation
    /// or expiry after a capture is recorded as a contradiction and never undoes it; a capture after we or the
    /// provider gave up is real money: it is honoured (Succeeded wins) and flagged for reconciliation, as is a capture
    /// of an amount other than the one asked for.
    /// </summary>
    public static IReadOnlyList<object> ApplyProviderStatus(
        Payment payment, string providerEventId, ProviderPaymentStatus status, Money? amount, DateTimeOffset at)
    {
        if (payment.HasSeen(providerEventId))
        {
            return [];
        }
        return status switch
        {
            ProviderPaymentStatus.Pending => [],
            ProviderPaymentStatus.Authorised => payment.IsFinal || payment.Status == PaymentStatus.Authorised
                ? []
                : [new PaymentAuthorised(payment.Id, providerEventId, at)],
            ProviderPaymentStatus.Succeeded => Capture(payment, providerEventId, amount ?? payment.Amount, at),
            _ when payment.IsCaptured =>
                [new ContradictoryProviderEventRecorded(payment.Id, providerEventId, status, $"The provider reported {status} after the payment was captured.", at)],
            _ when payment.EndedWithoutMoney => [],
            ProviderPaymentStatus.Failed => [new PaymentFailed(payment.Id, providerEventId, "Declined by the provider.", at)],
            ProviderPaymentStatus.Cancelled => [new PaymentCancelled(payment.Id, providerEventId, "Cancelled by the payer.", at)],
            ProviderPaymentStatus.Expired => [new PaymentExpired(payment.Id, providerEventId, at)],
            _ => [],
        };
    }

    /// <summary>
    /// Applies the provider's own history (its status API, the source of truth) event by event, with the same
    /// rules: events already recorded change nothing.
    /// </summary>
    public static IReadOnlyList<object> ApplyProviderHistory(Payment payment, IEnumerable<ProviderEventReport> history)
    {
        var events = new List<object>();
        var state = payment;
        foreach (var report in history)
        {
            var decided = ApplyProviderStatus(state, report.ProviderEventId, report.Status, report.Amount, report.At);
            events.AddRange(decided);
            state = decided.Aggregate(state, (s, e) => Payment.Evolve(s, e)!);
        }
        return events;
    }

    private static List<object> Capture(Payment payment, string providerEventId, Money captured, DateTimeOffset at)
    {
        if (payment.IsCaptured)
        {
            return [];
        }
        var events = new List<object> { new PaymentSucceeded(payment.Id, providerEventId, captured, at) };
        if (payment.EndedWithoutMoney)
        {
            events.Add(new ContradictoryProviderEventRecorded(payment.Id, providerEventId, ProviderPaymentStatus.Succeeded,
                $"The provider captured the payment after it was {payment.Status}; the capture is honoured.", at));
        }
        else if (captured != payment.Amount)
        {
            events.Add(new ContradictoryProviderEventRecorded(payment.Id, providerEventId, ProviderPaymentStatus.Succeeded,
                $"The provider captured {captured} where {payment.Amount} was asked.", at));
        }
        return events;
    }

    /// <summary>
    /// Nobody paid in time. A payment waiting on the provider (or never started) expires at its deadline: the
    /// session's expiry, or for a payment the provider never opened, its creation plus the session lifetime. An
    /// authorised payment is not expired by us: its capture is pending at the provider.
    /// </summary>
    public static IReadOnlyList<object> Expire(Payment payment, TimeSpan sessionLifetime, DateTimeOffset now)
    {
        var deadline = payment.ExpiresAt ?? payment.CreatedAt + sessionLifetime;
        var waiting = payment.Status is PaymentStatus.Created or PaymentStatus.Started or PaymentStatus.StatusUnknown && !payment.IsAuthorised;
        return waiting && now >= deadline ? [new PaymentExpired(payment.Id, null, now)] : [];
    }

    /// <summary>
    /// The provider answered a re-check of a payment whose status we had lost: it is back at the status it had before,
    /// then the provider's history applies (<see cref="ApplyProviderHistory"/>) as for any other payment.
    /// </summary>
    public static IReadOnlyList<object> KnowStatusAgain(Payment payment, DateTimeOffset now) =>
        payment.Status == PaymentStatus.StatusUnknown
            ? [new PaymentStatusRecovered(payment.Id, payment.StatusBeforeUnknown ?? PaymentStatus.Started, now)]
            : [];

    /// <summary>We could not learn the outcome; a recurring job will ask the provider again.</summary>
    public static IReadOnlyList<object> MarkStatusUnknown(Payment payment, string reason, DateTimeOffset now) =>
        payment.IsFinal || payment.Status == PaymentStatus.StatusUnknown ? [] : [new PaymentStatusUnknown(payment.Id, reason, now)];
}
