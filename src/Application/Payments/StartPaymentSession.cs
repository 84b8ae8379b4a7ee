using JasperFx.Events;
using Marten;
using Microsoft.Extensions.Options;
using MyGovernment.Application.Privacy;
using MyGovernment.Domain.Payments;
using Wolverine;

namespace MyGovernment.Application.Payments;

/// <summary>
/// Opens the provider's session for a created payment. Runs after <see cref="CreatePayment"/> committed, so a crash
/// or a provider failure leaves a Created (or Error) payment that its timer ends, never a provider session we do not
/// know. The provider call holds no database lock: the append is checked against the version loaded.
/// </summary>
public sealed record StartPaymentSession(Guid PaymentId) : LogSafeMessage;

public sealed record PaymentSessionResponse(
    Guid PaymentId, PaymentStatus Status, string? RedirectUrl, string? CashReference, DateTimeOffset? ExpiresAt, string? Error);

public static class StartPaymentSessionHandler
{
    public static Task<IEventStream<Payment>> LoadAsync(StartPaymentSession command, IDocumentSession session, CancellationToken ct) =>
        PaymentStream.LoadAsync(session, command.PaymentId, ct);

    public static async Task<(PaymentSessionResponse, OutgoingMessages)> Handle(
        StartPaymentSession command, IEventStream<Payment> stream, IPaymentProvider provider, TimeProvider clock,
        IOptions<PaymentsOptions> options, CancellationToken ct)
    {
        var payment = stream.Aggregate!;
        var now = clock.GetUtcNow();
        if (payment.Status != PaymentStatus.Created)
        {
            return (new PaymentSessionResponse(payment.Id, payment.Status, null, null, payment.ExpiresAt, null), []);
        }
        try
        {
            var session = await provider.OpenSessionAsync(
                new OpenSessionRequest(payment.Id, payment.Amount, payment.Channel, now + options.Value.SessionLifetime), ct);
            var (changed, messages) = stream.Append(
                PaymentDecisions.Start(payment, session.SessionId, session.RedirectUrl, session.CashReference, session.ExpiresAt, now), options.Value);
            return (new PaymentSessionResponse(payment.Id, changed.Status, session.RedirectUrl, session.CashReference, session.ExpiresAt, null), messages);
        }
        catch (PaymentProviderException e)
        {
            var (changed, messages) = stream.Append(PaymentDecisions.FailToStart(payment, e.Message, now), options.Value);
            return (new PaymentSessionResponse(payment.Id, changed.Status, null, null, null, e.Message), messages);
        }
    }
}
