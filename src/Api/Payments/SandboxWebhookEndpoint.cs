using MyGovernment.Projections.Payments;
using Marten;
using MyGovernment.Api.OpenApi;
using Microsoft.AspNetCore.Mvc;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using MyGovernment.Application.Payments;
using MyGovernment.Domain.Common;
using Wolverine;
using Wolverine.Http;

namespace MyGovernment.Api.Payments;

/// <summary>What the sandbox provider posts. Parsed only after the signature over the raw bytes was verified.</summary>
public sealed record SandboxWebhookBody(string? Id, string? Type, string? SessionId, string? MerchantReference, decimal? Amount, string? Currency, DateTimeOffset? CreatedAt);

public static class SandboxWebhookEndpoint
{
    public const int MaxBodyBytes = 64 * 1024;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// The provider's callback. Anonymous: authenticated by its signature, checked over the raw body before anything
    /// is parsed. A refused delivery changes nothing; a repeated one answers 200 and changes nothing, so the provider
    /// stops retrying.
    /// </summary>
    [AllowAnonymous]
    [WolverinePost("/api/payments/webhooks/sandbox", OperationId = "ReceiveSandboxPaymentWebhook")]
    [ProducesResponseType<ProviderEventRecorded>(StatusCodes.Status200OK)]
    [RawBody(typeof(SandboxWebhookBody), "application/json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status413PayloadTooLarge, "application/problem+json")]
    [EndpointSummary("Receive a payment provider webhook")]
    [EndpointDescription("Signed provider callback (HMAC-SHA256 over timestamp and raw body, at most 5 minutes old). Duplicates and any delivery order reach the same state; a doubtful delivery is checked against the provider's status API.")]
    [Tags("Payments")]
    public static async Task<IResult> Post(
        HttpRequest request, SandboxWebhookVerifier verifier, IMessageBus bus, IQuerySession session, TimeProvider clock, CancellationToken ct)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return Problem(413, "webhook_too_large", "The webhook body is too large.");
        }
        request.EnableBuffering(MaxBodyBytes);
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, ct);
        if (buffer.Length > MaxBodyBytes)
        {
            return Problem(413, "webhook_too_large", "The webhook body is too large.");
        }
        var raw = buffer.ToArray();

        switch (verifier.Verify(request.Headers["Sandbox-Signature"].ToString(), raw))
        {
            case WebhookVerdict.Missing:
            case WebhookVerdict.BadSignature:
                return Problem(401, "webhook_signature_invalid", "The webhook signature is missing or does not match its body.");
            case WebhookVerdict.Stale:
                return Problem(401, "webhook_timestamp_stale", "The webhook's signed timestamp is outside the accepted tolerance.");
        }

        SandboxWebhookBody? body;
        try
        {
            body = JsonSerializer.Deserialize<SandboxWebhookBody>(raw, Json);
        }
        catch (JsonException)
        {
            return Problem(400, "webhook_invalid", "The webhook body is not the provider's JSON.");
        }
        if (body is not { Id.Length: > 0, SessionId.Length: > 0 } || !Guid.TryParse(body.MerchantReference, out var paymentId))
        {
            return Problem(400, "webhook_invalid", "The webhook names no event, session or payment of ours.");
        }

        var command = new RecordProviderEvent(
            paymentId, body.Id, body.SessionId, SandboxProtocol.ToStatus(body.Type),
            body.Amount is { } amount && body.Currency is { Length: 3 } currency ? new Money(amount, currency) : null,
            body.CreatedAt ?? clock.GetUtcNow());
        try
        {
            return Results.Ok(await bus.InvokeAsync<ProviderEventRecorded>(command, ct));
        }
        catch (PaymentProviderException)
        {
            // A doubtful delivery we could not check with the provider: it will be delivered again.
            return Problem(503, "payment_provider_unavailable", "The delivery could not be checked with the provider; deliver it again later.");
        }
        catch (JasperFx.DocumentAlreadyExistsException)
        {
            // The same event was applied by a concurrent delivery in the meantime.
            // Answered in the same shape as any delivery, so the provider (and the document) see one kind of answer.
            var payment = await session.LoadAsync<PaymentDetails>(paymentId, ct);
            return Results.Ok(new ProviderEventRecorded(paymentId, payment!.Status, Duplicate: true, CheckedWithProvider: false));
        }
    }

    private static IResult Problem(int status, string code, string detail) =>
        Results.Problem(statusCode: status, title: "Webhook refused", detail: detail, extensions: new Dictionary<string, object?> { ["code"] = code });
}
