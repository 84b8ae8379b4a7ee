using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using MyGovernment.Api.Identity;
using MyGovernment.Application.Webhooks;
using Wolverine;
using Wolverine.Http;

namespace MyGovernment.Api.Webhooks;

public sealed record CreateWebhookSubscriptionBody(string Url, List<string>? EventTypes);

public sealed record RotateWebhookSecretBody(int? OverlapSeconds);

/// <summary>A client app's webhook subscriptions, with its own token only; another app's subscription is a 404.</summary>
public static class WebhookSubscriptionEndpoints
{
    public const string Tag = "Webhooks";

    [Authorize(Policy = AuthenticationSetup.ClientAppPolicy)]
    [WolverinePost("/api/webhooks/subscriptions", OperationId = "CreateWebhookSubscription")]
    [Tags(Tag)]
    [EndpointSummary("Subscribe a URL to event types")]
    [EndpointDescription(Descriptions.Create)]
    public static async Task<Created<WebhookSubscriptionView>> Create(CreateWebhookSubscriptionBody body, ClaimsPrincipal user, IMessageBus bus, CancellationToken ct)
    {
        var created = await bus.InvokeAsync<WebhookSubscriptionView>(new CreateWebhookSubscription(user.ClientApp()!, body.Url ?? "", body.EventTypes), ct);
        return TypedResults.Created($"/api/webhooks/subscriptions/{created.Id}", created);
    }

    [Authorize(Policy = AuthenticationSetup.ClientAppPolicy)]
    [WolverineGet("/api/webhooks/subscriptions", OperationId = "ListWebhookSubscriptions")]
    [Tags(Tag)]
    [EndpointSummary("List the app's subscriptions (never their secrets)")]
    public static async Task<Ok<IReadOnlyList<WebhookSubscriptionView>>> List(ClaimsPrincipal user, IQuerySession session, CancellationToken ct)
    {
        var client = user.ClientApp()!;
        var subscriptions = await session.Query<WebhookSubscription>().Where(s => s.ClientId == client).OrderBy(s => s.CreatedAt).ToListAsync(ct);
        return TypedResults.Ok<IReadOnlyList<WebhookSubscriptionView>>([.. subscriptions.Select(s => WebhookSubscriptionView.Of(s))]);
    }

    [Authorize(Policy = AuthenticationSetup.ClientAppPolicy)]
    [WolverineDelete("/api/webhooks/subscriptions/{id}", OperationId = "DeleteWebhookSubscription")]
    [Tags(Tag)]
    [EndpointSummary("Remove a subscription")]
    public static async Task<NoContent> Delete(Guid id, ClaimsPrincipal user, IMessageBus bus, CancellationToken ct)
    {
        await bus.InvokeAsync(new DeleteWebhookSubscription(user.ClientApp()!, id), ct);
        return TypedResults.NoContent();
    }

    [Authorize(Policy = AuthenticationSetup.ClientAppPolicy)]
    [WolverinePost("/api/webhooks/subscriptions/{id}/rotate-secret", OperationId = "RotateWebhookSecret")]
    [Tags(Tag)]
    [EndpointSummary("Rotate the signing secret, with overlap")]
    [EndpointDescription(Descriptions.Rotate)]
    public static async Task<Ok<WebhookSecretRotated>> Rotate(Guid id, RotateWebhookSecretBody body, ClaimsPrincipal user, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<WebhookSecretRotated>(new RotateWebhookSecret(user.ClientApp()!, id, body.OverlapSeconds), ct));

    private static class Descriptions
    {
        public const string Create =
            "Event types: request.status_changed, payment.succeeded, document.issued, for the requests submitted through the app "
            + "and those of the services it is entitled to, from now on. Deliveries follow Standard Webhooks (webhook-id, "
            + "webhook-timestamp, webhook-signature). The answer carries the signing secret (whsec_…): it is shown only here.";

        public const string Rotate =
            "Returns a new secret (shown only here). The previous ones keep signing beside it (several v1 signatures in "
            + "webhook-signature) for overlapSeconds, or the configured overlap when omitted.";
    }
}
