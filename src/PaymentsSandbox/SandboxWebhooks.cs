using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Wolverine.ErrorHandling;
using Wolverine.Runtime.Handlers;

namespace MyGovernment.PaymentsSandbox;

/// <summary>Sends a signed webhook to the merchant. An HttpClient in the host; the in-process test server in tests.</summary>
public interface IWebhookTransport
{
    Task<int> PostAsync(string url, string body, string signature, CancellationToken ct);
}

public sealed class HttpWebhookTransport(IHttpClientFactory clients) : IWebhookTransport
{
    public const string ClientName = "sandbox-webhooks";

    public async Task<int> PostAsync(string url, string body, string signature, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add(SandboxOptions.SignatureHeader, signature);
        using var response = await clients.CreateClient(ClientName).SendAsync(request, ct);
        return (int)response.StatusCode;
    }
}

/// <summary>The provider's signature: t=unix seconds, v1=hex HMAC-SHA256(secret, t + "." + raw body).</summary>
public static class SandboxSigner
{
    public static string Sign(string secret, string body, DateTimeOffset now)
    {
        var t = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(t + "." + body));
        return $"t={t},v1={Convert.ToHexStringLower(mac)}";
    }
}

/// <summary>One webhook delivery, queued durably with the session change that caused it (Wolverine's outbox).</summary>
public sealed record DeliverSandboxWebhook(string SessionId, string EventId, string CallbackUrl, string Body, int DelayMilliseconds);

public sealed class WebhookDeliveryFailedException(string message) : Exception(message);

public static class SandboxWebhooks
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The deliveries for new events, shaped by the session's (or the sandbox's) behaviour switches.</summary>
    public static IEnumerable<DeliverSandboxWebhook> For(SandboxCheckoutSession session, IEnumerable<SandboxEvent> events, SandboxBehaviour? global)
    {
        var behaviour = session.Behaviour ?? global ?? new SandboxBehaviour();
        var ordered = behaviour.Reorder ? events.Reverse() : events;
        foreach (var e in ordered)
        {
            var body = JsonSerializer.Serialize(new
            {
                id = e.Id,
                type = e.Type,
                sessionId = session.Id,
                merchantReference = session.MerchantReference,
                amount = e.Type == "payment.succeeded" ? session.AmountCaptured : session.Amount,
                currency = session.Currency,
                createdAt = e.CreatedAt,
            }, Json);
            for (var copy = 0; copy < Math.Clamp(behaviour.Copies, 0, 5); copy++)
            {
                yield return new DeliverSandboxWebhook(session.Id, e.Id, session.CallbackUrl, body, Math.Clamp(behaviour.DelayMilliseconds, 0, 10_000));
            }
        }
    }
}

public static class DeliverSandboxWebhookHandler
{
    /// <summary>A refused delivery (non-2xx or unreachable) is retried with growing pauses, a bounded number of times, then dead-lettered.</summary>
    public static void Configure(HandlerChain chain) =>
        chain.OnException<WebhookDeliveryFailedException>().Or<HttpRequestException>()
            .RetryWithCooldown(TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5));

    public static async Task Handle(DeliverSandboxWebhook delivery, IWebhookTransport transport, SandboxOptions options, TimeProvider clock, CancellationToken ct)
    {
        if (delivery.DelayMilliseconds > 0)
        {
            await Task.Delay(delivery.DelayMilliseconds, ct);
        }
        // Signed at each attempt, as a real provider does: a retry carries a fresh timestamp.
        var status = await transport.PostAsync(delivery.CallbackUrl, delivery.Body, SandboxSigner.Sign(options.WebhookSecret, delivery.Body, clock.GetUtcNow()), ct);
        if (status is < 200 or > 299)
        {
            throw new WebhookDeliveryFailedException($"Webhook {delivery.EventId} for {delivery.SessionId} was answered {status}.");
        }
    }
}
