using System.Net;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Wolverine.Marten;

namespace MyGovernment.PaymentsSandbox;

/// <summary>
/// The provider's hosted payment page (card and e-wallet): the citizen is redirected here, chooses Pay, Decline or
/// Cancel, and is redirected back to the merchant's return URL. Card details would be typed here, at the provider,
/// never at our API.
/// </summary>
public static class SandboxHostedPage
{
    private static readonly string[] Actions = ["pay", "decline", "cancel"];

    public static void Map(RouteGroupBuilder sandbox)
    {
        sandbox.MapGet("/pay/{id}", PageAsync);
        sandbox.MapPost("/pay/{id}/{action}", ActAsync);
    }

    private static async Task<IResult> PageAsync(string id, IDocumentSession db, CancellationToken ct)
    {
        var session = await db.LoadAsync<SandboxCheckoutSession>(id, ct);
        if (session is null || session.Channel == "cash")
        {
            return Results.NotFound();
        }
        Func<string?, string?> e = WebUtility.HtmlEncode;
        var buttons = string.Concat(Actions.Select(a =>
            $"<form method=\"post\" action=\"/sandbox/pay/{e(session.Id)}/{a}\"><button type=\"submit\" name=\"action\" value=\"{a}\">{char.ToUpperInvariant(a[0]) + a[1..]}</button></form>"));
        var html = $"""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>Sandbox checkout</title></head>
            <body>
            <h1>Sandbox payment provider</h1>
            <p>Pay <strong>{session.Amount:0.00} {e(session.Currency)}</strong> by {e(session.Channel)} for reference {e(session.MerchantReference)}.</p>
            <p>Status: <span id="status">{e(session.Status)}</span></p>
            {(session.IsOpen ? buttons : "")}
            </body></html>
            """;
        return Results.Content(html, "text/html; charset=utf-8");
    }

    private static async Task<IResult> ActAsync(string id, string action, IDocumentSession db, IMartenOutbox outbox, TimeProvider clock, CancellationToken ct)
    {
        var session = await db.LoadAsync<SandboxCheckoutSession>(id, ct);
        if (session is null || session.Channel == "cash" || !Actions.Contains(action))
        {
            return Results.NotFound();
        }
        var now = clock.GetUtcNow();
        if (session.ExpireIfDue(now) is { } expired)
        {
            await SandboxCheckoutApi.SaveAndDeliverAsync(db, outbox, session, [expired], ct);
        }
        if (!session.IsOpen)
        {
            return Results.Problem(statusCode: 409, title: "Conflict", detail: $"This checkout is {session.Status}.");
        }
        var outcome = action switch { "pay" => SandboxStatus.Succeeded, "decline" => SandboxStatus.Failed, _ => SandboxStatus.Cancelled };
        var events = session.Settle(outcome, now);
        await SandboxCheckoutApi.SaveAndDeliverAsync(db, outbox, session, events, ct);
        var separator = session.ReturnUrl.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        return Results.Redirect($"{session.ReturnUrl}{separator}session={Uri.EscapeDataString(session.Id)}&status={outcome}");
    }
}
