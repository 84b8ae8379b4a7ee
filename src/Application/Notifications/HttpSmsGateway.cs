using System.Net.Http.Json;
using Microsoft.Extensions.Options;

namespace MyGovernment.Application.Notifications;

/// <summary>
/// The SMS gateway's HTTP API: <c>POST {GatewayUrl}messages</c> with the message id as idempotency key and where to
/// report delivery. The sandbox gateway (src/SmsSandbox) speaks the same protocol.
/// </summary>
public sealed class HttpSmsGateway(IHttpClientFactory clients, IOptions<NotificationOptions> options) : ISmsGateway
{
    public const string ClientName = "sms-gateway";

    public async Task SendAsync(SmsMessage message, CancellationToken ct)
    {
        var sms = options.Value.Sms;
        var client = clients.CreateClient(ClientName);
        var url = new Uri(new Uri(sms.GatewayUrl!.TrimEnd('/') + "/"), "messages");
        HttpResponseMessage response;
        try
        {
            response = await client.PostAsJsonAsync(url, new { messageId = message.MessageId, to = message.To, text = message.Text, callbackUrl = sms.CallbackUrl }, ct);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            throw new NotificationChannelException("The SMS gateway could not be reached.", e);
        }
        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                throw new NotificationChannelException($"The SMS gateway answered {(int)response.StatusCode}.");
            }
        }
    }
}
