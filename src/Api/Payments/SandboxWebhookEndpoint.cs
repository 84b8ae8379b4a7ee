using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using MyGovernment.Api.OpenApi;
using MyGovernment.Application.Payments;
using MyGovernment.Application.Payments.Provider;
using MyGovernment.Projections.Payments;
using Wolverine;
using Wolverine.Http;

namespace MyGovernment.Api.Payments;

/// <summary>Named after its route (/webhooks/sandbox, part of the public contract); the verification is <see cref="ProviderWebhookVerifier"/>.</summary>
public static class SandboxWebhookEndpoint
{
    public const int MaxBodyBytes = 64 * 1024;

    /// <summary>
    /// The provider's callback. Anonymous: authenticated by its signature, checked over the raw body before anything
    /// is parsed (<see cref="ProviderWebhookVerifier"/>). A refused delivery changes nothing; a repeated one answers
    /// 200 and changes nothing, so the provider stops retrying. A known event id with another body is refused (409
    /// <c>webhook_event_conflict</c>) and recorded as a contradiction on the payment (<see cref="ReplayedEventBody"/>).
    /// </summary>
    [AllowAnonymous]
    [WolverinePost(ProviderProtocol.WebhookPath, OperationId = "ReceiveSandboxPaymentWebhook")]
    [ProducesResponseType<ProviderEventRecorded>(StatusCodes.Status200OK)]
    [RawBody(typeof(WebhookDelivery), "application/json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status413PayloadTooLarge, "application/problem+json")]
    [EndpointSummary("Receive a payment provider webhook")]
    [EndpointDescription("Signed provider callback (HMAC-SHA256 over timestamp and raw body, at most 5 minutes old). Duplicates and any delivery order reach the same state; a doubtful delivery is checked against the provider's status API.")]
    [Tags("Payments")]
    public static async Task<IResult> Post(
        HttpRequest request, ProviderWebhookVerifier verifier, IMessageBus bus, IQuerySession session, CancellationToken ct)
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

        var (verdict, command) = verifier.Read(request.Headers[ProviderProtocol.SignatureHeader].ToString(), buffer.ToArray());
        switch (verdict)
        {
            case WebhookVerdict.Missing:
            case WebhookVerdict.BadSignature:
                return Problem(401, "webhook_signature_invalid", "The webhook signature is missing or does not match its body.");
            case WebhookVerdict.Stale:
                return Problem(401, "webhook_timestamp_stale", "The webhook's signed timestamp is outside the accepted tolerance.");
            case WebhookVerdict.Malformed:
                return Problem(400, "webhook_invalid", "The webhook body is not the provider's JSON.");
            case WebhookVerdict.NotOurs:
                return Problem(400, "webhook_invalid", "The webhook names no event, session or payment of ours.");
        }

        try
        {
            var recorded = await bus.InvokeAsync<ProviderEventRecorded>(command!, ct);
            return recorded.ReplayedWithAnotherBody
                ? Problem(409, ReplayedEventBody.Code, "This event id was delivered before with another body; the replay is refused and recorded.")
                : Results.Ok(recorded);
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
            var payment = await session.LoadAsync<PaymentDetails>(command!.PaymentId, ct);
            return Results.Ok(new ProviderEventRecorded(command.PaymentId, payment!.Status, Duplicate: true, CheckedWithProvider: false));
        }
    }

    private static IResult Problem(int status, string code, string detail) =>
        Results.Problem(statusCode: status, title: "Webhook refused", detail: detail, extensions: new Dictionary<string, object?> { ["code"] = code });
}
