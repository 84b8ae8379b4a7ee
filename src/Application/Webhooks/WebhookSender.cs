using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Options;

namespace MyGovernment.Application.Webhooks;

/// <param name="StatusCode">The receiver's status, or null when there was no answer.</param>
public sealed record WebhookSendResult(bool Succeeded, int? StatusCode, string? Error);

/// <summary>
/// Posts one signed delivery. Its own client (not the host's factory): no redirects followed (a 3xx could point
/// inside our network), no proxy from the environment, and with strict targets every address the host name resolves
/// to is checked when connecting, so a name that later resolves to an internal address is refused too.
/// </summary>
public sealed class WebhookSender : IDisposable
{
    private readonly HttpClient _http;
    private readonly bool _strict;

    public WebhookSender(IOptions<WebhookOptions> options)
    {
        _strict = options.Value.StrictTargets;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseProxy = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectCallback = _strict ? ConnectToPublicAddressAsync : null,
        };
        _http = new HttpClient(handler) { Timeout = options.Value.AttemptTimeout };
    }

    public async Task<WebhookSendResult> SendAsync(WebhookSubscription subscription, WebhookDelivery delivery, DateTimeOffset now, CancellationToken ct)
    {
        if (WebhookTargets.Refusal(subscription.Url, _strict) is { } refusal)
        {
            return new(false, null, refusal);
        }
        var timestamp = now.ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, subscription.Url)
        {
            Content = new StringContent(delivery.Body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("webhook-id", delivery.MessageId);
        request.Headers.Add("webhook-timestamp", timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", WebhookSignature.Sign(subscription.SigningSecrets(now), delivery.MessageId, timestamp, delivery.Body));
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            var status = (int)response.StatusCode;
            return new(status is >= 200 and < 300, status, null);
        }
        catch (Exception failure) when (failure is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            // The kind of failure only: messages can carry the target's address, which is the app's business.
            return new(false, null, failure switch
            {
                TaskCanceledException => "timed out",
                { InnerException: InternalTargetException } => InternalTargetException.Reason,
                _ => "no answer: " + ((HttpRequestException)failure).HttpRequestError,
            });
        }
    }

    private static async ValueTask<Stream> ConnectToPublicAddressAsync(SocketsHttpConnectionContext context, CancellationToken ct)
    {
        var addresses = await Dns.GetHostAddressesAsync(context.DnsEndPoint.Host, ct);
        if (addresses.Length == 0 || addresses.Any(WebhookTargets.IsInternal))
        {
            throw new InternalTargetException();
        }
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public void Dispose() => _http.Dispose();

    private sealed class InternalTargetException() : Exception(Reason)
    {
        public const string Reason = "refused: the target resolves to an internal address";
    }
}
