using JasperFx.Events;
using Marten;
using Microsoft.Extensions.Options;
using MyGovernment.Application.Privacy;
using MyGovernment.Domain.Payments;
using Wolverine;

namespace MyGovernment.Application.Payments;

/// <summary>Timer: the payment's deadline has come. Re-decided on the current stream, so a paid payment ignores it.</summary>
public sealed record ExpirePayment(Guid PaymentId) : LogSafeMessage;

/// <summary>Ask the provider again about a payment whose outcome we have not heard (the recurring job sends these).</summary>
public sealed record RefreshPaymentStatus(Guid PaymentId) : LogSafeMessage;

/// <summary>What the provider said when asked: its status, or why it could not be asked.</summary>
public sealed record ProviderCheck(ProviderSessionStatus? Status, string? Error)
{
    public static readonly ProviderCheck NotAsked = new(null, null);

    /// <summary>
    /// Asks the provider about a payment that is still open at its end (a webhook may have been lost): only a payment
    /// with a session that has not reached an outcome.
    /// </summary>
    public static async Task<ProviderCheck> AskAsync(Payment payment, IPaymentProvider provider, CancellationToken ct)
    {
        if (payment.IsFinal || payment.ProviderSessionId is null)
        {
            return NotAsked;
        }
        try
        {
            return new ProviderCheck(await provider.GetStatusAsync(payment.ProviderSessionId, ct), null);
        }
        catch (PaymentProviderException e)
        {
            return new ProviderCheck(null, e.Message);
        }
    }

    /// <summary>
    /// The provider's truth first (a lost status restored, then its history); then, if still unpaid past its deadline,
    /// the payment expires (never an Authorised one). Unreachable: status unknown.
    /// </summary>
    public static IReadOnlyList<object> Decide(Payment payment, ProviderCheck check, PaymentsOptions options, DateTimeOffset now)
    {
        if (check.Error is not null)
        {
            return PaymentDecisions.MarkStatusUnknown(payment, "The provider could not be asked: " + check.Error, now);
        }
        // The provider answered: a status we had lost comes back first, so its history applies to what the payment was.
        var events = check.Status is null ? [] : PaymentDecisions.KnowStatusAgain(payment, now).ToList();
        var known = events.Aggregate(payment, (s, e) => Payment.Evolve(s, e)!);
        if (check.Status is not null)
        {
            events.AddRange(PaymentDecisions.ApplyProviderHistory(known, check.Status.Events));
        }
        var state = events.Aggregate(payment, (s, e) => Payment.Evolve(s, e)!);
        events.AddRange(PaymentDecisions.Expire(state, options.SessionLifetime, now));
        return events;
    }
}

public static class ExpirePaymentHandler
{
    public static async Task<(IEventStream<Payment>, ProviderCheck)> LoadAsync(
        ExpirePayment timer, IDocumentSession session, IPaymentProvider provider, CancellationToken ct)
    {
        var stream = await PaymentStream.LoadAsync(session, timer.PaymentId, ct);
        return (stream, await ProviderCheck.AskAsync(stream.Aggregate!, provider, ct));
    }

    public static OutgoingMessages Handle(ExpirePayment timer, IEventStream<Payment> stream, ProviderCheck check, TimeProvider clock, IOptions<PaymentsOptions> options) =>
        stream.Append(ProviderCheck.Decide(stream.Aggregate!, check, options.Value, clock.GetUtcNow()), options.Value).Item2;
}

public static class RefreshPaymentStatusHandler
{
    public static async Task<(IEventStream<Payment>, ProviderCheck)> LoadAsync(
        RefreshPaymentStatus command, IDocumentSession session, IPaymentProvider provider, CancellationToken ct)
    {
        var stream = await PaymentStream.LoadAsync(session, command.PaymentId, ct);
        return (stream, await ProviderCheck.AskAsync(stream.Aggregate!, provider, ct));
    }

    public static (PaymentChanged, OutgoingMessages) Handle(
        RefreshPaymentStatus command, IEventStream<Payment> stream, ProviderCheck check, TimeProvider clock, IOptions<PaymentsOptions> options) =>
        stream.Append(ProviderCheck.Decide(stream.Aggregate!, check, options.Value, clock.GetUtcNow()), options.Value);
}
