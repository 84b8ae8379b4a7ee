using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Marten;
using MyGovernment.Api.Identity;
using MyGovernment.Api.Security;
using MyGovernment.Application.Idempotency;
using MyGovernment.Application.Metadata;
using Wolverine;

namespace MyGovernment.Api.Idempotency;

/// <summary>
/// Sends a command the way every state-changing endpoint does, honouring an <c>Idempotency-Key</c> when the
/// caller sent one: a repeat of a completed request replays its response (from the command's stored response, so
/// status, Location, ETag and body come out the same); the repeat's own run of the command commits nothing.
/// </summary>
public static class IdempotentCommand
{
    public const string ReplayedHeader = "Idempotent-Replayed";

    /// <param name="respond">Shapes the HTTP response from the command's response alone; it must be deterministic, as a replay calls it again.</param>
    public static Task<IResult> InvokeAsync<TResponse>(
        HttpContext http, IMessageBus bus, object command, Func<TResponse, IResult> respond, CancellationToken ct) =>
        InvokeAsync<TResponse, IResult>(http, bus, command, respond, ct);

    /// <summary>As above, with a typed result so the endpoint's OpenAPI response schema stays precise.</summary>
    public static async Task<TResult> InvokeAsync<TResponse, TResult>(
        HttpContext http, IMessageBus bus, object command, Func<TResponse, TResult> respond, CancellationToken ct)
        where TResult : IResult =>
        respond(await SendAsync<TResponse>(http, bus, command, ct));

    /// <summary>
    /// The command's response, or on a repeat of the same request with the same key the first one's stored response
    /// (the repeat's run of the command commits nothing). For endpoints that shape their answer from more than the response (e.g. a
    /// read after the command); whatever they do after it must itself be safe to repeat.
    /// </summary>
    public static async Task<TResponse> SendAsync<TResponse>(HttpContext http, IMessageBus bus, object command, CancellationToken ct)
    {
        if (http.Features.Get<IdempotencyKeyFeature>() is not { } key)
        {
            return await bus.InvokeAsync<TResponse>(command, WithClient(http, new DeliveryOptions()), ct);
        }

        var services = http.RequestServices;
        var id = ScopedId(http.User.Subject(), key.Key);
        var hash = await RequestHashAsync(http.Request, ct);

        // No lookup before the command: almost every key is new, and a session, a connection and a round trip per
        // command only to find nothing cost about a tenth of a submission (docs/benchmarks.md, issue 16 part B). A
        // repeat runs the handler again, but its commit cannot succeed: the record's primary key refuses it, so
        // nothing it decided is stored, and the catch below answers with the first response. Handlers have no
        // effects outside their transaction (work after the command is held by HoldWhileRunning), so re-running
        // one is only wasted work, paid by repeats alone.
        var inFlight = services.GetRequiredService<IdempotencyInFlight>();
        if (!inFlight.TryEnter(id))
        {
            throw IdempotencyConflictException.InFlight(http);
        }
        try
        {
            var options = WithClient(http, new DeliveryOptions());
            options.Headers[IdempotencyRecord.IdHeader] = id;
            options.Headers[IdempotencyRecord.RequestHashHeader] = hash;
            return await bus.InvokeAsync<TResponse>(command, options, ct);
        }
        catch (Exception failure) when (failure is not OperationCanceledException && !ct.IsCancellationRequested)
        {
            // A repeat, or a duplicate from another process that committed first: our commit failed on its record
            // (or the handler refused, the request having already changed things): answer as the first one did.
            var winner = await IdempotencyStore.TryFindLiveAsync(
                services.GetRequiredService<IDocumentStore>(), id, services.GetRequiredService<TimeProvider>(), ct);
            if (winner is null)
            {
                throw;
            }
            return Replay<TResponse>(winner, hash, http.Response);
        }
        finally
        {
            inFlight.Exit(id);
        }
    }

    /// <summary>The client app the caller came through travels with the command into its events' metadata (webhook entitlement).</summary>
    private static DeliveryOptions WithClient(HttpContext http, DeliveryOptions options)
    {
        if (http.User.ClientId() is { Length: > 0 } client)
        {
            options.Headers[EventMetadata.ClientHeader] = client;
        }
        return options;
    }

    /// <summary>
    /// For an endpoint that does more after <see cref="SendAsync{TResponse}"/> (e.g. calls a provider): holds the
    /// caller's key on this node until disposed, so a repeat arriving meanwhile is a 409 instead of repeating that
    /// work concurrently. Null when the request has no key.
    /// </summary>
    public static IDisposable? HoldWhileRunning(HttpContext http)
    {
        if (http.Features.Get<IdempotencyKeyFeature>() is not { } key)
        {
            return null;
        }
        var inFlight = http.RequestServices.GetRequiredService<IdempotencyInFlight>();
        var id = ScopedId(http.User.Subject(), key.Key) + "/endpoint";
        return inFlight.TryEnter(id) ? new Held(inFlight, id) : throw IdempotencyConflictException.InFlight(http);
    }

    private sealed class Held(IdempotencyInFlight inFlight, string id) : IDisposable
    {
        public void Dispose() => inFlight.Exit(id);
    }

    private static TResponse Replay<TResponse>(IdempotencyRecord record, string hash, HttpResponse response)
    {
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(record.RequestHash), Encoding.ASCII.GetBytes(hash)))
        {
            throw IdempotencyConflictException.Reused();
        }
        response.Headers[ReplayedHeader] = "true";
        return record.Response<TResponse>();
    }

    /// <summary>Keys are per caller: the same key from two subjects names two records. Neither is stored in the clear.</summary>
    /// <remarks>SHA-256 of the UTF-8 of "{subject length}:{subject}|{key}", written into one pooled buffer (issue 16).</remarks>
    public static string ScopedId(string subject, string key)
    {
        var rented = ArrayPool<byte>.Shared.Rent(11 + 2 + Encoding.UTF8.GetMaxByteCount(subject.Length + key.Length));
        try
        {
            var name = rented.AsSpan();
            subject.Length.TryFormat(name, out var at, default, CultureInfo.InvariantCulture);
            name[at++] = (byte)':';
            at += Encoding.UTF8.GetBytes(subject, name[at..]);
            name[at++] = (byte)'|';
            at += Encoding.UTF8.GetBytes(key, name[at..]);
            return Convert.ToHexStringLower(SHA256.HashData(name[..at]));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>Method, path, If-Match and the exact body bytes: "the same request" means all of them.</summary>
    private static async Task<string> RequestHashAsync(HttpRequest request, CancellationToken ct)
    {
        var head = $"{request.Method}\n{request.Path}{request.QueryString}\n{request.Headers.IfMatch}\n";
        if (request.HttpContext.Features.Get<BufferedJsonBody>() is { } buffered)
        {
            // The body is at hand (every JSON command): one hash over one pooled buffer instead of an incremental
            // hash's native context per command. The same bytes in the same order, so the same hash.
            var rented = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(head.Length) + buffered.Bytes.Length);
            try
            {
                var at = Encoding.UTF8.GetBytes(head, rented);
                buffered.Bytes.CopyTo(rented, at);
                return Convert.ToHexStringLower(SHA256.HashData(rented.AsSpan(0, at + buffered.Bytes.Length)));
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(head));
        request.Body.Position = 0;
        // Pooled: every command sent with a key used to allocate a fresh 16 KB buffer here.
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(buffer, ct)) > 0)
            {
                hash.AppendData(buffer, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
