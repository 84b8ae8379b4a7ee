using System.Security.Claims;
using JasperFx.Events;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using MyGovernment.Api.Identity;
using MyGovernment.Api.ServiceRequests;
using MyGovernment.Application.AccessLog;
using MyGovernment.Domain.Common;
using MyGovernment.Domain.Payments;
using MyGovernment.Domain.Payments.Refunds;
using MyGovernment.Domain.Reconciliation;
using MyGovernment.Projections.Payments;
using Wolverine.Http;

namespace MyGovernment.Api.Payments;

/// <summary>
/// A payment's history for auditors (and finance, and the payer): every event of the payment's stream and of the
/// refund streams that point at it, in the order they were stored, each with actor, role, department, time and
/// reason. Read from the streams themselves, the source of truth. Events that do not name their actor (a provider's
/// webhook, a timer) show the actor stamped on the event's metadata.
/// </summary>
public static class PaymentTimelineEndpoint
{
    [Authorize(Roles = $"{Roles.Citizen},{Roles.Finance},{Roles.Auditor}")]
    [WolverineGet("/api/payments/{id}/timeline", OperationId = "GetPaymentTimeline")]
    [ProducesResponseType<List<TimelineEntry>>(StatusCodes.Status200OK)]
    [EndpointSummary("Read a payment's timeline")]
    [EndpointDescription(
        "Every event of the payment and of its refunds, in stored order, with actor, role, department, time and reason, read from the " +
        "event streams themselves. For auditors, finance and the payer (anyone else gets 404).")]
    [Tags("Payments")]
    public static async Task<IResult> Get(Guid id, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var payment = await session.LoadAsync<PaymentDetails>(id, ct);
        if (!PaymentEndpoints.MayRead(user, payment))
        {
            return Results.Problem(statusCode: 404, title: "Not found", detail: "No such payment.",
                extensions: new Dictionary<string, object?> { ["code"] = "payment_not_found" });
        }
        await AccessRecorder.RecordAsync(session, user.ToActor(), payment!, "payment-timeline", clock, ct);
        var events = new List<IEvent>(await session.Events.FetchStreamAsync(id, token: ct));
        foreach (var refundId in events.Select(e => e.Data).OfType<RefundReserved>().Select(r => r.RefundId).Distinct().ToList())
        {
            events.AddRange(await session.Events.FetchStreamAsync(refundId, token: ct));
        }
        return Results.Ok(events.OrderBy(e => e.Sequence).Select(ToEntry).ToList());
    }

    public static TimelineEntry ToEntry(IEvent e)
    {
        var (by, at, reason) = Describe(e.Data);
        return TimelineEntry.From(e, by, at, reason);
    }

    private static (Actor? By, DateTimeOffset? At, string? Reason) Describe(object data) => data switch
    {
        PaymentCreated x => (x.By, x.At, $"{x.Amount} by {x.Channel} for request {x.RequestId}"),
        PaymentStarted x => (null, x.At, $"provider session {x.ProviderSessionId}{(x.CashReference is null ? "" : ", cash reference " + x.CashReference)}"),
        PaymentAuthorised x => (null, x.At, $"provider event {x.ProviderEventId}"),
        PaymentSucceeded x => (null, x.At, $"{x.Captured} captured (provider event {x.ProviderEventId})"),
        PaymentFailed x => (null, x.At, x.Reason),
        PaymentCancelled x => (null, x.At, x.Reason),
        PaymentExpired x => (null, x.At, x.ProviderEventId is null ? "not paid in time" : $"provider event {x.ProviderEventId}"),
        PaymentErrored x => (null, x.At, x.Reason),
        PaymentStatusUnknown x => (null, x.At, x.Reason),
        PaymentStatusRecovered x => (null, x.At, $"the provider answered again: back to {x.Status}"),
        ContradictoryProviderEventRecorded x => (null, x.At, $"provider said {x.ProviderStatus}: {x.Reason}"),
        RefundReserved x => (null, x.At, $"{x.Amount} held for refund {x.RefundId}"),
        RefundReleased x => (null, x.At, $"{x.Amount} released by refund {x.RefundId}"),
        PaymentRefunded x => (null, x.At, $"{x.Amount} refunded by refund {x.RefundId}"),
        PaymentSettled x => (null, x.At, $"settled on {x.StatementDate:yyyy-MM-dd}: {x.Gross} less fee {x.Fee} (reconciliation {x.ReconciliationId})"),
        PaymentReconciled x => (null, x.At, $"reconciliation {x.ReconciliationId}"),
        PaymentReconciliationFlagged x => (null, x.At, $"{x.Category}: {x.Rule} (reconciliation {x.ReconciliationId})"),
        RefundRequested x => (x.By, x.At, $"{x.Amount} of {x.RefundableSeen} refundable: {x.Reason}"),
        RefundApproved x => (x.By, x.At, null),
        RefundSubmitted x => (null, x.At, $"provider refund {x.ProviderRefundId}"),
        RefundSucceeded x => (null, x.At, $"{x.Amount} returned"),
        RefundFailed x => (null, x.At, x.Reason),
        _ => (null, null, null),
    };
}
