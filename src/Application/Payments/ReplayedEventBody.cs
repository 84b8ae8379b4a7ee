using MyGovernment.Domain.Payments;

namespace MyGovernment.Application.Payments;

/// <summary>
/// A delivery that reuses a known provider event id with another body (another amount, type or time) is not a
/// repeat: either the signing secret is in other hands or the provider is corrupting its own history. It is refused
/// (409 <c>webhook_event_conflict</c>) and recorded on the payment as a <see cref="ContradictoryProviderEventRecorded"/>,
/// which flags the payment for reconciliation and which the oversight report <c>orphaned-money</c> lists as a
/// <c>provider-contradiction</c> finding. Nothing else changes: the first body stays what was applied.
/// </summary>
public static class ReplayedEventBody
{
    public const string Code = "webhook_event_conflict";

    /// <summary>Only comparable when both deliveries carried a fingerprint (records from before this check have none).</summary>
    public static bool Differs(ProcessedProviderEvent seen, RecordProviderEvent command) =>
        seen.BodyFingerprint is not null && command.BodyFingerprint is not null
        && !string.Equals(seen.BodyFingerprint, command.BodyFingerprint, StringComparison.Ordinal);

    public static IReadOnlyList<object> Record(Payment payment, RecordProviderEvent command, DateTimeOffset now) =>
    [
        new ContradictoryProviderEventRecorded(payment.Id, command.ProviderEventId, command.Status ?? ProviderPaymentStatus.Pending,
            $"The provider event {command.ProviderEventId} was delivered again with another body; the replay was refused.", now),
    ];
}
