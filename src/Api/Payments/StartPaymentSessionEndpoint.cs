using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using MyGovernment.Api.Idempotency;
using MyGovernment.Api.Identity;
using MyGovernment.Api.OpenApi;
using MyGovernment.Application.Payments;
using MyGovernment.Domain.Payments;
using MyGovernment.Projections.Payments;
using MyGovernment.Projections.ServiceRequests;
using Wolverine;
using Wolverine.Http;

namespace MyGovernment.Api.Payments;

public sealed record StartPaymentSessionBody(PaymentChannel? Channel);

public static class StartPaymentSessionEndpoint
{
    /// <summary>
    /// The applicant pays a request's outstanding fee: 201 with the hosted page to redirect to (card, wallet) or the
    /// cash reference to take to a bank or agent, and when it expires. Two steps, each its own transaction: the payment
    /// is recorded first, then the provider is asked; if the provider fails, the payment records the error (502).
    /// </summary>
    [Authorize(Roles = Roles.Citizen)]
    [WolverinePost("/api/service-requests/{id}/payment-sessions", OperationId = "StartPaymentSession")]
    [ProducesResponseType<PaymentSessionResponse>(StatusCodes.Status201Created)]
    [CallsPaymentProvider]
    [EndpointSummary("Start paying a request's fee")]
    [EndpointDescription("Opens a payment with the provider for the outstanding fee: card or e-wallet (redirect to the provider's hosted page) or cash (a payment reference to take to a bank or agent).")]
    [Tags("Payments")]
    public static async Task<IResult> Post(
        Guid id, StartPaymentSessionBody body, ClaimsPrincipal user, IQuerySession query, IMessageBus bus, HttpContext http, CancellationToken ct)
    {
        // Someone else's request is 404 before anything about the body is said, so its existence is not revealed.
        var request = await query.LoadAsync<ServiceRequestDetails>(id, ct);
        if (request is null || request.ApplicantId != user.ApplicantId())
        {
            return Results.Problem(statusCode: 404, title: "Not found", detail: "No such service request.",
                extensions: new Dictionary<string, object?> { ["code"] = "request_not_found" });
        }
        if (body.Channel is not { } channel || !Enum.IsDefined(channel))
        {
            throw new FluentValidation.ValidationException([new("channel", "'channel' must be Card, Cash or Wallet.")]);
        }
        // With an Idempotency-Key a repeat gets the first payment back instead of creating a second one, and never
        // asks the provider while the first is still asking.
        using var held = IdempotentCommand.HoldWhileRunning(http);
        var created = await IdempotentCommand.SendAsync<PaymentCreatedResponse>(
            http, bus, new CreatePayment(Guid.CreateVersion7(), id, channel, user.ToActor()), ct);
        var paymentId = created.PaymentId;
        var session = await bus.InvokeAsync<PaymentSessionResponse>(new StartPaymentSession(paymentId), ct);
        if (session is { Status: not PaymentStatus.Created, RedirectUrl: null, CashReference: null, Error: null })
        {
            // The session was opened (or failed to open) by the first of these repeated requests: answer as it did.
            session = await AnsweredAsync(query, paymentId, ct);
        }
        if (session.Error is not null)
        {
            return Results.Problem(statusCode: 502, title: "Payment provider unavailable",
                detail: "The payment provider could not open a checkout. Nothing was charged; try again (with a new Idempotency-Key if you sent one).",
                extensions: new Dictionary<string, object?> { ["code"] = "payment_provider_unavailable", ["paymentId"] = paymentId });
        }
        return Results.Created($"/api/payments/{paymentId}", session);
    }

    private static async Task<PaymentSessionResponse> AnsweredAsync(IQuerySession query, Guid paymentId, CancellationToken ct)
    {
        var payment = (await query.LoadAsync<PaymentDetails>(paymentId, ct))!;
        return new PaymentSessionResponse(payment.Id, payment.Status, payment.RedirectUrl, payment.CashReference, payment.ExpiresAt,
            payment.Status == PaymentStatus.Error ? payment.FailureReason ?? "The payment provider could not open a checkout." : null);
    }
}
