using System.Security.Cryptography;
using System.Text;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Wolverine.Marten;

namespace MyGovernment.PaymentsSandbox;

public sealed record CreateCheckoutSessionBody(
    decimal? Amount, long? AmountMinor, string? Currency, string? MerchantReference, string? Channel, string? ReturnUrl, string? CallbackUrl,
    DateTimeOffset? ExpiresAt);

public sealed record CheckoutSessionCreated(string Id, string? HostedPageUrl, string? CashReference, DateTimeOffset ExpiresAt);

public sealed record CheckoutSessionStatus(
    string Id, string MerchantReference, string Status, decimal Amount, string Currency, decimal AmountCaptured, DateTimeOffset ExpiresAt,
    DateTimeOffset? CapturedAt, IReadOnlyList<SandboxEvent> Events);

public sealed record AgentPaymentBody(string? CashReference, decimal? Amount);

public sealed record AgentPaymentAccepted(string SessionId, string Status, string ReceiptNumber);

public sealed record SandboxBehaviourBody(string? SessionId, int? Copies, bool? Reorder, int? DelayMilliseconds, bool? FailRefunds, bool? StatusUnavailable = null);

/// <summary>
/// The provider's merchant API, modelled on hosted-checkout providers: open a session (idempotent per merchant
/// reference), query its status (the source of truth), take cash at an agent, and switch delivery behaviour.
/// </summary>
public static class SandboxCheckoutApi
{
    private static readonly string[] Channels = ["card", "cash", "wallet"];
    private const string CashAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public static void Map(RouteGroupBuilder sandbox)
    {
        sandbox.MapPost("/v1/checkout-sessions", CreateAsync);
        sandbox.MapGet("/v1/checkout-sessions/{id}", StatusAsync);
        sandbox.MapPost("/v1/agent-payments", AgentPaymentAsync);
        sandbox.MapPost("/admin/behaviour", BehaviourAsync);
    }

    public static bool Authorised(HttpRequest request, SandboxOptions options)
    {
        var presented = Encoding.UTF8.GetBytes(request.Headers[SandboxOptions.ApiKeyHeader].ToString());
        return CryptographicOperations.FixedTimeEquals(presented, Encoding.UTF8.GetBytes(options.ApiKey));
    }

    private static IResult Unauthorised() => Results.Problem(statusCode: 401, title: "Unauthorised", detail: "A valid Sandbox-Api-Key header is required.");

    private static async Task<IResult> CreateAsync(
        [FromBody] CreateCheckoutSessionBody body, HttpRequest request, SandboxOptions options, IDocumentSession db, TimeProvider clock, CancellationToken ct)
    {
        if (!Authorised(request, options))
        {
            return Unauthorised();
        }
        var amount = body.Amount ?? (body.AmountMinor is { } minor ? minor / 100m : 0m);
        var channel = body.Channel?.ToLowerInvariant() ?? "";
        var errors = new Dictionary<string, string[]>();
        if (amount <= 0) errors["amount"] = ["A positive amount (or amountMinor) is required."];
        if (body.Currency is not { Length: 3 }) errors["currency"] = ["A three-letter currency is required."];
        if (string.IsNullOrWhiteSpace(body.MerchantReference) || body.MerchantReference.Length > 100) errors["merchantReference"] = ["Required, at most 100 characters."];
        if (!Channels.Contains(channel)) errors["channel"] = ["One of card, cash, wallet."];
        if (!Uri.TryCreate(body.CallbackUrl, UriKind.Absolute, out _)) errors["callbackUrl"] = ["An absolute URL is required."];
        if (!Uri.TryCreate(body.ReturnUrl, UriKind.Absolute, out _)) errors["returnUrl"] = ["An absolute URL is required."];
        if (errors.Count > 0)
        {
            return Results.ValidationProblem(errors);
        }

        // Idempotent per merchant reference: a retried create returns the same session.
        var id = "cs_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body.MerchantReference!)))[..24];
        var session = await db.LoadAsync<SandboxCheckoutSession>(id, ct);
        if (session is null)
        {
            var now = clock.GetUtcNow();
            session = new SandboxCheckoutSession
            {
                Id = id,
                MerchantReference = body.MerchantReference!,
                Amount = amount,
                Currency = body.Currency!.ToUpperInvariant(),
                Channel = channel,
                ReturnUrl = body.ReturnUrl!,
                CallbackUrl = body.CallbackUrl!,
                CashReference = channel == "cash" ? CashReference(id) : null,
                CreatedAt = now,
                ExpiresAt = body.ExpiresAt is { } at && at > now ? at : now.AddMinutes(30),
            };
            db.Insert(session);
            await db.SaveChangesAsync(ct);
        }
        var page = session.Channel == "cash" ? null : $"{request.Scheme}://{request.Host}/sandbox/pay/{session.Id}";
        return Results.Created($"/sandbox/v1/checkout-sessions/{session.Id}", new CheckoutSessionCreated(session.Id, page, session.CashReference, session.ExpiresAt));
    }

    private static async Task<IResult> StatusAsync(
        string id, HttpRequest request, SandboxOptions options, IDocumentSession db, IMartenOutbox outbox, TimeProvider clock, CancellationToken ct)
    {
        if (!Authorised(request, options))
        {
            return Unauthorised();
        }
        var session = await db.LoadAsync<SandboxCheckoutSession>(id, ct);
        if (session is null)
        {
            return Results.Problem(statusCode: 404, title: "Not found", detail: "No such checkout session.");
        }
        if (session.Behaviour?.StatusUnavailable == true)
        {
            return Results.Problem(statusCode: 503, title: "Unavailable", detail: "The status API is down for this session (sandbox behaviour).");
        }
        if (session.ExpireIfDue(clock.GetUtcNow()) is { } expired)
        {
            await SaveAndDeliverAsync(db, outbox, session, [expired], ct);
        }
        return Results.Ok(new CheckoutSessionStatus(session.Id, session.MerchantReference, session.Status, session.Amount, session.Currency,
            session.AmountCaptured, session.ExpiresAt, session.CapturedAt, session.Events));
    }

    /// <summary>A bank or payment agent took the cash for a reference the citizen brought.</summary>
    private static async Task<IResult> AgentPaymentAsync(
        [FromBody] AgentPaymentBody body, HttpRequest request, SandboxOptions options, IDocumentSession db, IMartenOutbox outbox, TimeProvider clock,
        CancellationToken ct)
    {
        if (!Authorised(request, options))
        {
            return Unauthorised();
        }
        var reference = body.CashReference?.Trim().ToUpperInvariant() ?? "";
        var session = await db.Query<SandboxCheckoutSession>().FirstOrDefaultAsync(s => s.CashReference == reference, ct);
        if (session is null)
        {
            return Results.Problem(statusCode: 404, title: "Not found", detail: "Unknown payment reference.");
        }
        var now = clock.GetUtcNow();
        if (session.ExpireIfDue(now) is { } expired)
        {
            await SaveAndDeliverAsync(db, outbox, session, [expired], ct);
        }
        if (!session.IsOpen)
        {
            return Results.Problem(statusCode: 409, title: "Conflict", detail: $"The payment reference is {session.Status}.");
        }
        if (body.Amount != session.Amount)
        {
            return Results.Problem(statusCode: 422, title: "Wrong amount", detail: $"This reference is for {session.Amount} {session.Currency}.");
        }
        var events = session.Settle(SandboxStatus.Succeeded, now);
        await SaveAndDeliverAsync(db, outbox, session, events, ct);
        return Results.Ok(new AgentPaymentAccepted(session.Id, session.Status, events[^1].Id));
    }

    private static async Task<IResult> BehaviourAsync(
        [FromBody] SandboxBehaviourBody body, HttpRequest request, SandboxOptions options, IDocumentSession db, CancellationToken ct)
    {
        if (!Authorised(request, options))
        {
            return Unauthorised();
        }
        var behaviour = new SandboxBehaviour { Copies = body.Copies ?? 1, Reorder = body.Reorder ?? false, DelayMilliseconds = body.DelayMilliseconds ?? 0, FailRefunds = body.FailRefunds ?? false,
            StatusUnavailable = body.StatusUnavailable ?? false };
        if (body.SessionId is { } sessionId)
        {
            var session = await db.LoadAsync<SandboxCheckoutSession>(sessionId, ct);
            if (session is null)
            {
                return Results.Problem(statusCode: 404, title: "Not found", detail: "No such checkout session.");
            }
            behaviour.Id = sessionId;
            session.Behaviour = behaviour;
            db.Store(session);
        }
        else
        {
            db.Store(behaviour);
        }
        await db.SaveChangesAsync(ct);
        return Results.Ok(behaviour);
    }

    /// <summary>Saves the session and queues its webhook deliveries in the same transaction (Wolverine's outbox).</summary>
    public static async Task SaveAndDeliverAsync(
        IDocumentSession db, IMartenOutbox outbox, SandboxCheckoutSession session, IReadOnlyList<SandboxEvent> events, CancellationToken ct)
    {
        outbox.Enroll(db);
        var global = await db.LoadAsync<SandboxBehaviour>(SandboxBehaviour.GlobalId, ct);
        db.Store(session);
        foreach (var delivery in SandboxWebhooks.For(session, events, global))
        {
            await outbox.SendAsync(delivery);
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>What a citizen reads out at a bank counter: unambiguous letters and digits, never a long digit run.</summary>
    private static string CashReference(string sessionId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("cash:" + sessionId));
        var chars = hash.Take(10).Select(b => CashAlphabet[b % CashAlphabet.Length]).ToArray();
        return $"PAY-{new string(chars, 0, 5)}-{new string(chars, 5, 5)}";
    }
}
