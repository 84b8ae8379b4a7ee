using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using MyGovernment.Api.Caching;
using MyGovernment.Api.Idempotency;
using MyGovernment.Api.Identity;
using MyGovernment.Api.OpenApi;
using MyGovernment.Application.Payments.Refunds;
using MyGovernment.Domain.Common;
using MyGovernment.Projections.Payments;
using Wolverine;
using Wolverine.Http;

namespace MyGovernment.Api.Payments;

/// <summary>What finance sends to ask for a refund: the amount, and the refundable amount it saw on the payment.</summary>
public sealed record RequestRefundBody(decimal? Amount, string? Currency, decimal? RefundableSeen, string? Reason);

public static class RefundEndpoints
{
    /// <summary>Finance asks for a refund. 201 with the refund; 422 stale_refundable_amount when the payment changed since it was read.</summary>
    [Authorize(Roles = Roles.Finance)]
    [WolverinePost("/api/payments/{id}/refunds", OperationId = "RequestRefund")]
    [ProducesResponseType<RefundDetails>(StatusCodes.Status201Created)]
    [EndpointSummary("Request a refund of a payment")]
    [EndpointDescription("Finance asks to refund part or all of a captured payment, quoting the refundable amount it saw (the payment's `refundable`). A stale quote is refused (422 stale_refundable_amount); a concurrent request on the same payment conflicts (409). A second finance person must approve it.")]
    [Tags("Refunds")]
    public static async Task<IResult> Request(
        Guid id, RequestRefundBody body, ClaimsPrincipal user, IMessageBus bus, IQuerySession query, HttpContext http, CancellationToken ct)
    {
        if (body.Amount is not { } amount || body.RefundableSeen is not { } seen || body.Currency is not { Length: 3 } currency)
        {
            throw new FluentValidation.ValidationException([new("amount", "'amount', 'currency' (three letters) and 'refundableSeen' are required.")]);
        }
        currency = currency.ToUpperInvariant();
        // With an Idempotency-Key a repeat answers with the first refund instead of requesting a second one.
        var refundId = (await IdempotentCommand.SendAsync<RefundChanged>(http, bus,
            new RequestRefund(Guid.CreateVersion7(), id, new Money(amount, currency), new Money(seen, currency), body.Reason ?? "", user.ToActor()), ct)).RefundId;
        var refund = await query.LoadAsync<RefundDetails>(refundId, ct);
        return Results.Created($"/api/refunds/{refundId}", refund);
    }

    /// <summary>A second finance person approves; the refund is then sent to the provider and its answer recorded.</summary>
    [Authorize(Roles = Roles.Finance)]
    [WolverinePost("/api/refunds/{id}/approve", OperationId = "ApproveRefund")]
    [ProducesResponseType<RefundDetails>(StatusCodes.Status200OK)]
    [CallsPaymentProvider]
    [EndpointSummary("Approve a refund")]
    [EndpointDescription("A finance person other than the requester approves the refund (else 422 maker_checker). The refund is then submitted to the payment provider and ends Succeeded or Failed; if the provider cannot be reached it stays Approved and approving is not needed again (re-submission is automatic on the next approve call).")]
    [Tags("Refunds")]
    public static async Task<IResult> Approve(Guid id, ClaimsPrincipal user, HttpContext http, IMessageBus bus, IQuerySession query, CancellationToken ct)
    {
        var current = await query.LoadAsync<RefundDetails>(id, ct);
        // An approved refund whose submission failed earlier is submitted again, without a second approval. The
        // approval honours an Idempotency-Key: a repeat is replayed, the same key on another refund is a 422.
        if (current is not { Status: Domain.Payments.Refunds.RefundStatus.Approved or Domain.Payments.Refunds.RefundStatus.Submitted })
        {
            await IdempotentCommand.SendAsync<RefundChanged>(http, bus, new ApproveRefund(id, user.ToActor()), ct);
        }
        await bus.InvokeAsync<RefundChanged>(new SubmitRefund(id), ct);
        return Results.Ok(await query.LoadAsync<RefundDetails>(id, ct));
    }

    [Authorize(Roles = $"{Roles.Finance},{Roles.Auditor}")]
    [WolverineGet("/api/refunds/{id}", OperationId = "GetRefund")]
    [ProducesResponseType<RefundDetails>(StatusCodes.Status200OK)]
    [ProducesETag]
    [EndpointSummary("Read a refund")]
    [EndpointDescription("A refund's amount, the refundable amount it quoted, who requested and approved it, the provider's reference and its status. The ETag is the stream version (If-None-Match gives 304).")]
    [Tags("Refunds")]
    public static async Task<IResult> Get(Guid id, IQuerySession query, HttpRequest request, HttpResponse response, CancellationToken ct)
    {
        var refund = await query.LoadAsync<RefundDetails>(id, ct);
        if (refund is null)
        {
            return Results.Problem(statusCode: 404, title: "Not found", detail: "No such refund.",
                extensions: new Dictionary<string, object?> { ["code"] = "refund_not_found" });
        }
        return ETags.NotModified(request, response, refund.Version) ? Results.StatusCode(StatusCodes.Status304NotModified) : Results.Ok(refund);
    }
}
