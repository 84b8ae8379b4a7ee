using JasperFx.Events;
using Marten;
using MyGovernment.Application.ServiceRequests;
using MyGovernment.Domain.Common;
using MyGovernment.Domain.Payments;
using Wolverine;

namespace MyGovernment.Application.Payments;

/// <summary>What payment commands answer: where the payment stands now.</summary>
public sealed record PaymentChanged(Guid PaymentId, long Version, PaymentStatus Status);

/// <summary>Loading for writing and appending, shared by every payment handler.</summary>
public static class PaymentStream
{
    /// <summary>The payments module when it moves a request on: recorded as the actor of the confirmation.</summary>
    public static readonly Actor PaymentsActor = new("payments", "system");

    public static async Task<IEventStream<Payment>> LoadAsync(IDocumentSession session, Guid paymentId, CancellationToken ct)
    {
        var stream = await session.Events.FetchForWriting<Payment>(paymentId, ct);
        return stream.Aggregate is null ? throw new NotFoundException("payment_not_found", "No such payment.") : stream;
    }

    /// <summary>
    /// Appends the decided events with what they set off, through Wolverine's outbox in the same transaction: expiry
    /// timers, and for a capture the request's payment confirmation, so neither happens without the other.
    /// </summary>
    public static (PaymentChanged, OutgoingMessages) Append(this IEventStream<Payment> stream, IReadOnlyList<object> events, PaymentsOptions options)
    {
        stream.AppendMany(events);
        var state = events.Aggregate(stream.Aggregate!, (s, e) => Payment.Evolve(s, e)!);
        return (new PaymentChanged(stream.Id, (stream.CurrentVersion ?? 0) + events.Count, state.Status), FollowUps(state, events, options));
    }

    public static OutgoingMessages FollowUps(Payment payment, IEnumerable<object> events, PaymentsOptions options)
    {
        var messages = new OutgoingMessages();
        foreach (var e in events)
        {
            switch (e)
            {
                case PaymentCreated created:
                    // A payment the provider never opened still ends: after the lifetime it would have had.
                    messages.Add(new ExpirePayment(created.PaymentId).ScheduledAt(created.At + options.SessionLifetime));
                    break;
                case PaymentStarted started:
                    messages.Add(new ExpirePayment(started.PaymentId).ScheduledAt(started.ExpiresAt));
                    break;
                case PaymentSucceeded succeeded:
                    // Idempotent at the request by the payment reference, so a redelivered message confirms once.
                    messages.Add(new ConfirmPayment(payment.RequestId, null, PaymentsActor, succeeded.PaymentId.ToString(), succeeded.Captured));
                    break;
            }
        }
        return messages;
    }
}
