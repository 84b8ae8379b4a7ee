using FluentValidation;
using JasperFx.Events;
using Marten;
using Microsoft.Extensions.Options;
using MyGovernment.Application.Privacy;
using MyGovernment.Domain.Common;
using MyGovernment.Domain.Payments;
using Wolverine;
using Wolverine.Marten;

namespace MyGovernment.Application.Payments;

/// <summary>
/// A provider event from an authenticated webhook. <see cref="Status"/> is null for an event type we do not know.
/// A webhook is a hint: when it is doubtful (unknown type, another amount or session than ours) the provider's
/// status API is asked and its history applied instead.
/// </summary>
/// <param name="BodyFingerprint">A digest of what the delivery said, compared with the one recorded for the same event id:
/// the same id with another body is a forged or corrupted replay, refused and recorded (see <see cref="ReplayedEventBody"/>).</param>
public sealed record RecordProviderEvent(
    Guid PaymentId, [property: NotPersonal] string ProviderEventId, [property: NotPersonal] string ProviderSessionId,
    ProviderPaymentStatus? Status, Money? Amount, DateTimeOffset At, [property: NotPersonal] string? BodyFingerprint = null) : LogSafeMessage
{
    public sealed class Validator : AbstractValidator<RecordProviderEvent>
    {
        public Validator()
        {
            RuleFor(c => c.PaymentId).NotEmpty();
            RuleFor(c => c.ProviderEventId).NotEmpty().MaximumLength(100);
            RuleFor(c => c.ProviderSessionId).NotEmpty().MaximumLength(100);
        }
    }
}

/// <summary>A provider event id already applied. Inserted in the same transaction as the events it caused, so two
/// concurrent deliveries of one event cannot both apply: the second insert (or append) conflicts.</summary>
public sealed class ProcessedProviderEvent
{
    public string Id { get; set; } = "";

    public Guid PaymentId { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }

    /// <summary>What the first delivery said (<see cref="RecordProviderEvent.BodyFingerprint"/>); null for older records.</summary>
    public string? BodyFingerprint { get; set; }
}

/// <param name="ReplayedWithAnotherBody">A known event id arrived with another body: refused (409), and recorded as a contradiction.</param>
public sealed record ProviderEventRecorded(
    Guid PaymentId, PaymentStatus Status, bool Duplicate, bool CheckedWithProvider,
    [property: System.Text.Json.Serialization.JsonIgnore] bool ReplayedWithAnotherBody = false);

public static class RecordProviderEventHandler
{
    public static async Task<(IEventStream<Payment>, ProcessedProviderEvent?, ProviderSessionStatus?)> LoadAsync(
        RecordProviderEvent command, IDocumentSession session, IPaymentProvider provider, CancellationToken ct)
    {
        var seen = await session.LoadAsync<ProcessedProviderEvent>(command.ProviderEventId, ct);
        var stream = await PaymentStream.LoadAsync(session, command.PaymentId, ct);
        var payment = stream.Aggregate!;
        if (seen is not null || !IsDoubtful(command, payment))
        {
            return (stream, seen, null);
        }
        // Doubtful and we cannot check it: refuse, so the provider redelivers later (nothing is recorded).
        var truth = await provider.GetStatusAsync(payment.ProviderSessionId ?? command.ProviderSessionId, ct);
        return (stream, null, truth);
    }

    public static bool IsDoubtful(RecordProviderEvent command, Payment payment) =>
        command.Status is null
        || (payment.ProviderSessionId is not null && payment.ProviderSessionId != command.ProviderSessionId)
        || (command.Status == ProviderPaymentStatus.Succeeded && command.Amount != payment.Amount);

    public static (ProviderEventRecorded, OutgoingMessages, IMartenOp) Handle(
        RecordProviderEvent command, IEventStream<Payment> stream, ProcessedProviderEvent? seen, ProviderSessionStatus? truth,
        TimeProvider clock, IOptions<PaymentsOptions> options)
    {
        var payment = stream.Aggregate!;
        if (seen is not null && ReplayedEventBody.Differs(seen, command))
        {
            var (kept, flagged) = stream.Append(ReplayedEventBody.Record(payment, command, clock.GetUtcNow()), options.Value);
            return (new ProviderEventRecorded(payment.Id, kept.Status, Duplicate: true, CheckedWithProvider: false, ReplayedWithAnotherBody: true),
                flagged, MartenOps.Nothing());
        }
        if (seen is not null)
        {
            return (new ProviderEventRecorded(payment.Id, payment.Status, Duplicate: true, CheckedWithProvider: false), [], MartenOps.Nothing());
        }
        var events = truth is not null
            ? PaymentDecisions.ApplyProviderHistory(payment, truth.Events)
            : PaymentDecisions.ApplyProviderStatus(payment, command.ProviderEventId, command.Status!.Value, command.Amount, command.At);
        var (changed, messages) = stream.Append(events, options.Value);
        var processed = new ProcessedProviderEvent
        {
            Id = command.ProviderEventId, PaymentId = payment.Id, ReceivedAt = clock.GetUtcNow(), BodyFingerprint = command.BodyFingerprint,
        };
        return (new ProviderEventRecorded(payment.Id, changed.Status, Duplicate: false, CheckedWithProvider: truth is not null), messages,
            MartenOps.Insert(processed));
    }
}
