using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace MyGovernment.SmsSandbox;

public sealed record SandboxSmsRequest(Guid MessageId, string To, string Text, string? CallbackUrl);

/// <summary>The switches for one recipient (see <see cref="SandboxSmsBehaviour"/>).</summary>
public sealed record SandboxSmsBehaviourRequest(string? To, int FailNext = 0, int ReportDelayMs = 0, bool ReportFailure = false);

/// <summary>
/// The gateway's API: accept a message (202, or 200 for a repeated id, which is not sent again), refuse on demand
/// (503), and report delivery to the callback address with a signed POST after the configured delay.
/// </summary>
public static class SandboxSmsApi
{
    public const string ClientName = "sms-sandbox-callbacks";
    public const string SignatureHeader = "X-Sms-Signature";

    public static void Map(RouteGroupBuilder sandbox)
    {
        sandbox.MapPost("/messages", Accept);
        sandbox.MapGet("/messages", (string to, SandboxSmsStore store) => Results.Ok(store.For(to)));
        sandbox.MapPost("/behaviour", (SandboxSmsBehaviourRequest request, SandboxSmsStore store) =>
        {
            if (string.IsNullOrWhiteSpace(request.To))
            {
                return Results.Problem(statusCode: 400, detail: "to is required.");
            }
            store.SetBehaviour(request.To, new SandboxSmsBehaviour(request.FailNext, request.ReportDelayMs, request.ReportFailure));
            return Results.NoContent();
        });
    }

    private static IResult Accept(
        SandboxSmsRequest sms, SandboxSmsStore store, SmsSandboxOptions options, IHttpClientFactory clients, TimeProvider clock, ILoggerFactory logs)
    {
        if (sms.MessageId == Guid.Empty || string.IsNullOrWhiteSpace(sms.To) || string.IsNullOrEmpty(sms.Text))
        {
            return Results.Problem(statusCode: 400, detail: "messageId, to and text are required.");
        }
        if (store.TryTakeFailure(sms.To))
        {
            return Results.Problem(statusCode: 503, detail: "The sandbox gateway was told to refuse this send.");
        }
        if (!store.Accept(sms.MessageId, sms.To, sms.Text, clock.GetUtcNow()))
        {
            return Results.Ok(new { sms.MessageId, duplicate = true });
        }
        if (sms.CallbackUrl is { Length: > 0 } callback)
        {
            var behaviour = store.BehaviourFor(sms.To);
            // A real gateway reports later, from its own side; the sandbox does it off the request, after the delay asked for.
            _ = Task.Run(() => ReportAsync(sms.MessageId, behaviour, callback, store, options, clients, clock, logs.CreateLogger(typeof(SandboxSmsApi))));
        }
        return Results.Accepted(value: new { sms.MessageId, duplicate = false });
    }

    private static async Task ReportAsync(
        Guid messageId, SandboxSmsBehaviour behaviour, string callback, SandboxSmsStore store, SmsSandboxOptions options,
        IHttpClientFactory clients, TimeProvider clock, ILogger log)
    {
        try
        {
            await Task.Delay(Math.Max(behaviour.ReportDelayMs, 0));
            var status = behaviour.ReportFailure ? "failed" : "delivered";
            var body = JsonSerializer.SerializeToUtf8Bytes(new { messageId, status, at = clock.GetUtcNow() }, JsonSerializerOptions.Web);
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = new("application/json");
            content.Headers.Add(SignatureHeader, Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(options.CallbackSecret), body)));
            // The gateway's own record first: the message reached (or missed) the phone whatever becomes of the report.
            store.Report(messageId, status);
            using var response = await clients.CreateClient(ClientName).PostAsync(callback, content);
            if (!response.IsSuccessStatusCode)
            {
                store.Report(messageId, $"{status}; report refused ({(int)response.StatusCode})");
            }
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or InvalidOperationException)
        {
            log.LogWarning(e, "The SMS sandbox could not report message {MessageId}", messageId);
        }
    }
}
