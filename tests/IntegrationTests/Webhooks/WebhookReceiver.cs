using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using StandardWebhooks;
using StandardWebhooks.Diagnostics;

namespace MyGovernment.IntegrationTests.Webhooks;

/// <summary>One webhook as the receiver got it, and what the receiver answered.</summary>
public sealed record ReceivedWebhook(string Path, IHeaderDictionary Headers, string Body, int AnsweredWith)
{
    public string Id => Headers["webhook-id"].ToString();

    public JsonElement Payload => JsonDocument.Parse(Body).RootElement;

    public string Type => Payload.GetProperty("type").GetString()!;

    public Guid RequestId => Payload.GetProperty("data").GetProperty("requestId").GetGuid();

    /// <summary>
    /// Verified by the StandardWebhooks library (signature and timestamp), not by our code. The library (1.1.2) only
    /// ever compares the first of several space-separated signatures, so during a rotation each one is shown to it alone:
    /// the message verifies when any of them does, as the specification says.
    /// </summary>
    public bool VerifiesWith(string secret) =>
        Headers["webhook-signature"].ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(signature =>
        {
            var single = new HeaderDictionary(Headers.ToDictionary(h => h.Key, h => h.Value)) { ["webhook-signature"] = signature };
            try
            {
                new StandardWebhook(secret).Verify(Body, single);
                return true;
            }
            catch (WebhookVerificationException)
            {
                return false;
            }
        });
}

/// <summary>
/// A real HTTP receiver on a loopback Kestrel port, as a client app would run one: records every webhook and answers
/// with the statuses a test queued for its path (200 when none is queued).
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _host;
    private readonly ConcurrentQueue<ReceivedWebhook> _received = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<int>> _answers = new();
    private readonly ConcurrentDictionary<string, int> _always = new();

    private WebhookReceiver(WebApplication host) => _host = host;

    public string BaseUrl { get; private set; } = "";

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var receiver = new WebhookReceiver(builder.Build());
        receiver._host.MapPost("/hooks/{name}", async (string name, HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            var body = await reader.ReadToEndAsync();
            var status = receiver.Answer(name);
            receiver._received.Enqueue(new ReceivedWebhook(name, new HeaderDictionary(request.Headers.ToDictionary(h => h.Key, h => h.Value)), body, status));
            return Results.StatusCode(status);
        });
        await receiver._host.StartAsync();
        receiver.BaseUrl = receiver._host.Urls.First();
        return receiver;
    }

    public string UrlFor(string name) => $"{BaseUrl}/hooks/{name}";

    public void AnswerNext(string name, params int[] statuses)
    {
        var queue = _answers.GetOrAdd(name, _ => new());
        foreach (var status in statuses)
        {
            queue.Enqueue(status);
        }
    }

    public void AlwaysAnswer(string name, int status) => _always[name] = status;

    public IReadOnlyList<ReceivedWebhook> At(string name) => [.. _received.Where(r => r.Path == name)];

    /// <summary>Waits until what arrived at the path satisfies the condition (the subscriber and retries run in the background).</summary>
    public async Task<IReadOnlyList<ReceivedWebhook>> WaitAsync(string name, Func<IReadOnlyList<ReceivedWebhook>, bool> done, int seconds = 60)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!done(At(name)))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The receiver did not get the expected webhooks at '{name}' within {seconds} s; got: "
                    + string.Join(", ", At(name).Select(r => $"{r.Type} ({r.AnsweredWith})")));
            }
            await Task.Delay(100);
        }
        return At(name);
    }

    private int Answer(string name) =>
        _answers.TryGetValue(name, out var queue) && queue.TryDequeue(out var next) ? next
        : _always.TryGetValue(name, out var always) ? always
        : 200;

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        await _host.DisposeAsync();
    }
}
