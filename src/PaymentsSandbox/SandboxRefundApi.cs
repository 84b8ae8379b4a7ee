using System.Security.Cryptography;
using System.Text;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace MyGovernment.PaymentsSandbox;

public sealed record CreateRefundBody(string? SessionId, decimal? Amount, string? Currency, string? MerchantRefundReference);

public sealed record SandboxRefundStatus(string Id, string SessionId, string MerchantRefundReference, decimal Amount, string Currency, string Status,
    string? FailureReason, DateTimeOffset CreatedAt);

/// <summary>The sandbox's record of one refund (its own schema).</summary>
public sealed class SandboxRefund
{
    public string Id { get; set; } = "";

    public string SessionId { get; set; } = "";

    public string MerchantRefundReference { get; set; } = "";

    public decimal Amount { get; set; }

    public string Currency { get; set; } = "";

    /// <summary>succeeded or failed: the sandbox answers synchronously.</summary>
    public string Status { get; set; } = "";

    public string? FailureReason { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public SandboxRefundStatus ToStatus() => new(Id, SessionId, MerchantRefundReference, Amount, Currency, Status, FailureReason, CreatedAt);
}

/// <summary>
/// POST /sandbox/v1/refunds: returns captured money, idempotent per merchant refund reference, never more than the
/// session captured less what it refunded before. Answers the outcome at once. GET /sandbox/v1/refunds/{id}: its status.
/// </summary>
public static class SandboxRefundApi
{
    public static void Map(RouteGroupBuilder sandbox)
    {
        sandbox.MapPost("/v1/refunds", CreateAsync);
        sandbox.MapGet("/v1/refunds/{id}", StatusAsync);
    }

    private static IResult Unauthorised() => Results.Problem(statusCode: 401, title: "Unauthorised", detail: "A valid Sandbox-Api-Key header is required.");

    private static async Task<IResult> CreateAsync(
        [FromBody] CreateRefundBody body, HttpRequest request, SandboxOptions options, IDocumentSession db, TimeProvider clock, CancellationToken ct)
    {
        if (!SandboxCheckoutApi.Authorised(request, options))
        {
            return Unauthorised();
        }
        if (string.IsNullOrWhiteSpace(body.MerchantRefundReference) || body.MerchantRefundReference.Length > 100
            || string.IsNullOrWhiteSpace(body.SessionId) || body.Amount is not > 0m || body.Currency is not { Length: 3 })
        {
            return Results.ValidationProblem(new Dictionary<string, string[]>
            {
                ["refund"] = ["sessionId, a positive amount, a three-letter currency and merchantRefundReference are required."],
            });
        }
        var id = "re_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body.MerchantRefundReference)))[..24];
        var existing = await db.LoadAsync<SandboxRefund>(id, ct);
        if (existing is not null)
        {
            return Results.Ok(existing.ToStatus());
        }
        var session = await db.LoadAsync<SandboxCheckoutSession>(body.SessionId, ct);
        if (session is null)
        {
            return Results.Problem(statusCode: 404, title: "Not found", detail: "No such checkout session.");
        }
        var refund = new SandboxRefund
        {
            Id = id,
            SessionId = session.Id,
            MerchantRefundReference = body.MerchantRefundReference,
            Amount = body.Amount.Value,
            Currency = body.Currency.ToUpperInvariant(),
            CreatedAt = clock.GetUtcNow(),
        };
        var global = await db.LoadAsync<SandboxBehaviour>(SandboxBehaviour.GlobalId, ct);
        refund.FailureReason =
            session.Status != SandboxStatus.Succeeded ? "The session captured nothing."
            : refund.Currency != session.Currency ? "Wrong currency."
            : refund.Amount > session.AmountCaptured - session.AmountRefunded ? "More than is left to refund."
            : (session.Behaviour ?? global)?.FailRefunds == true ? "The card issuer refused the refund."
            : null;
        refund.Status = refund.FailureReason is null ? SandboxStatus.Succeeded : SandboxStatus.Failed;
        if (refund.FailureReason is null)
        {
            session.AmountRefunded += refund.Amount;
            db.Store(session);
        }
        db.Insert(refund);
        await db.SaveChangesAsync(ct);
        return Results.Created($"/sandbox/v1/refunds/{id}", refund.ToStatus());
    }

    private static async Task<IResult> StatusAsync(string id, HttpRequest request, SandboxOptions options, IQuerySession db, CancellationToken ct)
    {
        if (!SandboxCheckoutApi.Authorised(request, options))
        {
            return Unauthorised();
        }
        var refund = await db.LoadAsync<SandboxRefund>(id, ct);
        return refund is null ? Results.Problem(statusCode: 404, title: "Not found", detail: "No such refund.") : Results.Ok(refund.ToStatus());
    }
}
