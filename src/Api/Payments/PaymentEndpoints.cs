using System.Security.Claims;
using Marten;
using Marten.Linq.MatchesSql;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using MyGovernment.Api.Caching;
using MyGovernment.Api.Identity;
using MyGovernment.Api.OpenApi;
using MyGovernment.Api.Paging;
using MyGovernment.Application.AccessLog;
using MyGovernment.Projections.Payments;
using Wolverine.Http;

namespace MyGovernment.Api.Payments;

public static class PaymentEndpoints
{
    /// <summary>One payment: for its payer, finance and auditors. Anyone else gets 404, as if it did not exist.</summary>
    [Authorize(Roles = $"{Roles.Citizen},{Roles.Finance},{Roles.Auditor}")]
    [WolverineGet("/api/payments/{id}", OperationId = "GetPayment")]
    [ProducesResponseType<PaymentDetails>(StatusCodes.Status200OK)]
    [ProducesETag]
    [EndpointSummary("Read a payment")]
    [EndpointDescription("A payment's status, amount, channel, provider reference and flags: for the payer, finance and auditors (anyone else gets 404). The ETag is the stream version (If-None-Match gives 304).")]
    [Tags("Payments")]
    public static async Task<IResult> Get(
        Guid id, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, HttpRequest request, HttpResponse response, CancellationToken ct)
    {
        var payment = await session.LoadAsync<PaymentDetails>(id, ct);
        if (!MayRead(user, payment))
        {
            return Results.Problem(statusCode: 404, title: "Not found", detail: "No such payment.",
                extensions: new Dictionary<string, object?> { ["code"] = "payment_not_found" });
        }
        if (ETags.NotModified(request, response, payment!.Version))
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }
        await AccessRecorder.RecordAsync(session, user.ToActor(), payment, "payment-details", clock, ct);
        return Results.Ok(payment);
    }

    /// <summary>The payer, finance and auditors may read a payment; for anyone else it does not exist.</summary>
    public static bool MayRead(ClaimsPrincipal user, PaymentDetails? payment) =>
        payment is not null
        && (user.IsInRole(Roles.Finance) || user.IsInRole(Roles.Auditor) || (user.IsInRole(Roles.Citizen) && payment.PayerId == user.ApplicantId()));

    /// <summary>The citizen's own payments, newest first.</summary>
    [Authorize(Roles = Roles.Citizen)]
    [WolverineGet("/api/me/payments", OperationId = "ListMyPayments")]
    [EndpointSummary("List my payments")]
    [EndpointDescription("My payments, keyset paged (`after`, `limit`); `sort` = `-created` (newest first, the default) or `created`.")]
    [Tags("Citizen")]
    public static async Task<Page<PaymentDetails>> Mine(ClaimsPrincipal user, IQuerySession session, string? sort, string? after, int? limit, CancellationToken ct)
    {
        var payer = user.ApplicantId();
        return await PageAsync(session.Query<PaymentDetails>().Where(p => p.PayerId == payer), sort, after, limit, ct);
    }

    /// <summary>The orders payment lists can be read in (by creation, ties by id): newest first by default, or oldest first (a work list).</summary>
    public static readonly IReadOnlyList<KeysetOrder<PaymentDetails>> Orders =
    [
        new("-created", p => p.CreatedAt, p => p.Id,
            q => q.OrderByDescending(p => p.CreatedAt).ThenByDescending(p => p.Id),
            (q, k, id) => q.Where(p => p.CreatedAt < k || (p.CreatedAt == k && p.MatchesSql("d.id < ?", id)))),
        new("created", p => p.CreatedAt, p => p.Id,
            q => q.OrderBy(p => p.CreatedAt).ThenBy(p => p.Id),
            (q, k, id) => q.Where(p => p.CreatedAt > k || (p.CreatedAt == k && p.MatchesSql("d.id > ?", id)))),
    ];

    /// <summary>A keyset page of payments in the order <paramref name="sort"/> names (the citizen's own list and finance's work list).</summary>
    public static Task<Page<PaymentDetails>> PageAsync(IQueryable<PaymentDetails> query, string? sort, string? after, int? limit, CancellationToken ct) =>
        KeysetPaging.PageAsync(query, KeysetPaging.Choose(Orders, sort), after, limit, p => p, ct);
}
