using System.Text.Json;
using JasperFx.Events;
using Marten;
using Marten.Events;
using MyGovernment.Application.Catalog;
using MyGovernment.Application.Metadata;
using MyGovernment.Domain.AccessLog;
using MyGovernment.Domain.Common;
using MyGovernment.Domain.Oversight;
using MyGovernment.Domain.Payments;
using MyGovernment.Domain.Payments.Refunds;
using MyGovernment.Domain.Reconciliation;
using MyGovernment.Domain.ServiceRequests;

namespace MyGovernment.Application.Oversight;

/// <summary>
/// Reads the events the reports need straight from the event store (the source of truth, never a stale read
/// model): every service-request event, every citizen-data view, and every payment, refund and settlement-statement
/// event, in sequence order, with their metadata.
/// One query per report run; fine for hundreds of thousands of events. Beyond that, an async projection that keeps
/// <see cref="RequestHistory"/> summaries is the next step (docs/integrity-reports.md).
/// </summary>
public sealed class OversightEventSource(IDocumentStore store, IWorkingCalendarSource calendars)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Every event type a report reads.</summary>
    public static readonly Type[] EventTypes =
    [
        typeof(ServiceRequestSubmitted), typeof(PotentialDuplicateFlagged), typeof(FeeAssessed), typeof(PaymentConfirmed), typeof(StepEntered),
        typeof(SlaClockStarted), typeof(RequestAssigned), typeof(InformationRequested), typeof(ApplicantResponded), typeof(RequestReferred),
        typeof(ReferralReturned), typeof(StepCompleted), typeof(DecisionProposed), typeof(DecisionReturned), typeof(RequestApproved),
        typeof(RequestRejected), typeof(DocumentIssued), typeof(RequestWithdrawn), typeof(RequestAbandoned), typeof(RequestClosed),
        typeof(RequestReopened), typeof(RequestMarkedOverdue), typeof(RequestEscalated), typeof(DocumentRevoked), typeof(CitizenDataViewed),
        typeof(DocumentsRequired), typeof(DocumentsAttached), typeof(IssuedDocumentReferenced), typeof(ReferencedDocumentRevoked),

        // Payment streams (reports 5, 6, 10).
        typeof(PaymentCreated), typeof(PaymentStarted), typeof(PaymentAuthorised), typeof(PaymentSucceeded), typeof(PaymentFailed),
        typeof(PaymentCancelled), typeof(PaymentExpired), typeof(PaymentErrored), typeof(PaymentStatusUnknown), typeof(PaymentStatusRecovered),
        typeof(ContradictoryProviderEventRecorded), typeof(RefundReserved), typeof(RefundReleased), typeof(PaymentRefunded),
        typeof(PaymentSettled), typeof(PaymentReconciled), typeof(PaymentReconciliationFlagged),

        // Refund streams (reports 1, 5, 6) and settlement statements (report 10).
        typeof(RefundRequested), typeof(RefundApproved), typeof(RefundSubmitted), typeof(RefundSucceeded), typeof(RefundFailed),
        typeof(SettlementStatementImported), typeof(StatementReconciled),
    ];

    public async Task<OversightData> LoadAsync(CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var events = await session.Events.QueryAllRawEvents()
            .Where(e => e.EventTypesAre(EventTypes))
            .OrderBy(e => e.Sequence)
            .ToListAsync(ct);
        return OversightData.From(events.Select(ToOversight), await calendars.GetAsync(ct));
    }

    public static OversightEvent ToOversight(IEvent e) =>
        new(e.Sequence, e.StreamId, e.Version, BusinessTime(e), Header<Actor>(e, EventMetadata.ActorHeader), e.Data);

    private static DateTimeOffset BusinessTime(IEvent e) =>
        OversightEvent.TimeIn(e.Data) ?? (e.Headers?.TryGetValue(EventMetadata.BusinessTimeHeader, out var value) == true && value switch
        {
            DateTimeOffset d => d,
            JsonElement { ValueKind: JsonValueKind.String } j when j.TryGetDateTimeOffset(out var parsed) => parsed,
            string s when DateTimeOffset.TryParse(s, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var parsed) => parsed,
            _ => (DateTimeOffset?)null,
        } is { } at
            ? at
            : e.Timestamp);

    private static T? Header<T>(IEvent e, string name) where T : class =>
        e.Headers?.TryGetValue(name, out var value) == true
            ? value switch
            {
                T typed => typed,
                JsonElement { ValueKind: JsonValueKind.Object } j => j.Deserialize<T>(Json),
                _ => null,
            }
            : null;
}
