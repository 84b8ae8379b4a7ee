using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;
using MyGovernment.Domain.Common;
using MyGovernment.Domain.Payments;

namespace MyGovernment.Application.Payments.Provider;

/// <summary>
/// Our client for the payment provider's HTTP protocol (<see cref="ProviderProtocol"/>), over the named HttpClient <see cref="ClientName"/> (base address:
/// the provider's). A singleton taking clients from the factory, so Wolverine injects it without service location.
/// </summary>
public sealed class ProviderClient(IHttpClientFactory clients, IOptions<PaymentProviderOptions> options) : IPaymentProvider
{
    public const string ClientName = "payment-provider";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<ProviderSession> OpenSessionAsync(OpenSessionRequest request, CancellationToken ct)
    {
        var o = options.Value;
        var reference = request.PaymentId.ToString();
        using var message = new HttpRequestMessage(HttpMethod.Post, "sandbox/v1/checkout-sessions")
        {
            Content = JsonContent.Create(new CheckoutSessionRequest(
                request.Amount.Amount, request.Amount.Currency, reference, request.Channel.ToString().ToLowerInvariant(),
                o.ReturnUrl.Replace("{paymentId}", reference, StringComparison.Ordinal), o.CallbackBaseUrl.TrimEnd('/') + ProviderProtocol.WebhookPath,
                request.ExpiresAt), options: Json),
        };
        message.Headers.Add("Idempotency-Key", reference);
        var created = await SendAsync<CheckoutSessionAnswer>(message, ct);
        return new ProviderSession(created.Id, created.HostedPageUrl, created.CashReference, created.ExpiresAt);
    }

    public async Task<ProviderSessionStatus> GetStatusAsync(string providerSessionId, CancellationToken ct)
    {
        using var message = new HttpRequestMessage(HttpMethod.Get, $"sandbox/v1/checkout-sessions/{Uri.EscapeDataString(providerSessionId)}");
        var status = await SendAsync<CheckoutSessionStatusAnswer>(message, ct);
        var events = status.Events
            .Select(e => ProviderProtocol.ToStatus(e.Type) is { } s
                ? new ProviderEventReport(e.Id, s, s == ProviderPaymentStatus.Succeeded ? new Money(e.Amount, status.Currency) : null, e.CreatedAt)
                : null)
            .OfType<ProviderEventReport>()
            .ToList();
        var overall = ProviderProtocol.ToStatus("payment." + status.Status) ?? ProviderPaymentStatus.Pending;
        return new ProviderSessionStatus(status.Id, overall, status.AmountCaptured > 0 ? new Money(status.AmountCaptured, status.Currency) : null, events);
    }

    public async Task<ProviderRefundResult> RefundAsync(ProviderRefundRequest request, CancellationToken ct)
    {
        var reference = request.RefundId.ToString();
        using var message = new HttpRequestMessage(HttpMethod.Post, "sandbox/v1/refunds")
        {
            Content = JsonContent.Create(
                new RefundRequest(request.ProviderSessionId, request.Amount.Amount, request.Amount.Currency, reference), options: Json),
        };
        message.Headers.Add("Idempotency-Key", reference);
        var answer = await SendAsync<RefundAnswer>(message, ct);
        return new ProviderRefundResult(answer.Id, answer.Status == ProviderProtocol.RefundSucceeded, answer.FailureReason);
    }

    public async Task<byte[]> GetSettlementFileAsync(DateOnly day, CancellationToken ct)
    {
        using var message = new HttpRequestMessage(HttpMethod.Get, $"sandbox/v1/settlements/{day:yyyy-MM-dd}.csv");
        message.Headers.Add(ProviderProtocol.ApiKeyHeader, options.Value.ApiKey);
        try
        {
            using var response = await clients.CreateClient(ClientName).SendAsync(message, ct);
            return response.IsSuccessStatusCode
                ? await response.Content.ReadAsByteArrayAsync(ct)
                : throw new PaymentProviderException($"The payment provider answered {(int)response.StatusCode}.");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            throw new PaymentProviderException("The payment provider could not be reached.", e);
        }
    }

    private async Task<T> SendAsync<T>(HttpRequestMessage message, CancellationToken ct)
    {
        message.Headers.Add(ProviderProtocol.ApiKeyHeader, options.Value.ApiKey);
        try
        {
            using var response = await clients.CreateClient(ClientName).SendAsync(message, ct);
            if (!response.IsSuccessStatusCode)
            {
                throw new PaymentProviderException($"The payment provider answered {(int)response.StatusCode}.");
            }
            return await response.Content.ReadFromJsonAsync<T>(Json, ct) ?? throw new PaymentProviderException("The payment provider answered with no body.");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException && !ct.IsCancellationRequested)
        {
            throw new PaymentProviderException("The payment provider could not be reached.", e);
        }
    }
}
