using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using MyGovernment.Api.Identity;
using MyGovernment.Application.Webhooks;
using Wolverine;
using Wolverine.Http;

namespace MyGovernment.Api.Webhooks;

public sealed record WebhookDeliveryView(
    Guid Id, string MessageId, string EventType, Guid RequestId, WebhookDeliveryStatus Status, DateTimeOffset CreatedAt,
    DateTimeOffset? NextAttemptAt, IReadOnlyList<WebhookAttempt> Attempts)
{
    public static WebhookDeliveryView Of(WebhookDelivery d) =>
        new(d.Id, d.MessageId, d.EventType, d.RequestId, d.Status, d.CreatedAt, d.NextAttemptAt, d.Attempts);
}

public static class WebhookDeliveryEndpoints
{
    private const int Newest = 100;

    [Authorize(Policy = AuthenticationSetup.ClientAppPolicy)]
    [WolverineGet("/api/webhooks/subscriptions/{id}/deliveries", OperationId = "ListWebhookDeliveries")]
    [Tags(WebhookSubscriptionEndpoints.Tag)]
    [EndpointSummary("The subscription's newest deliveries with their attempts")]
    public static async Task<Ok<IReadOnlyList<WebhookDeliveryView>>> List(Guid id, ClaimsPrincipal user, IQuerySession session, CancellationToken ct)
    {
        var subscription = await ClientApps.SubscriptionAsync(session, user.ClientApp()!, id, ct);
        var deliveries = await session.Query<WebhookDelivery>().Where(d => d.SubscriptionId == subscription.Id)
            .OrderByDescending(d => d.EventSequence).Take(Newest).ToListAsync(ct);
        return TypedResults.Ok<IReadOnlyList<WebhookDeliveryView>>([.. deliveries.Select(WebhookDeliveryView.Of)]);
    }

    [Authorize(Policy = AuthenticationSetup.ClientAppPolicy)]
    [WolverinePost("/api/webhooks/subscriptions/{id}/deliveries/{deliveryId}/redeliver", OperationId = "RedeliverWebhook")]
    [Tags(WebhookSubscriptionEndpoints.Tag)]
    [EndpointSummary("Send a delivery again")]
    [EndpointDescription("The same message (webhook-id and body), signed now; also to a disabled subscription, which a success enables again.")]
    public static async Task<Accepted<WebhookDeliveryView>> Redeliver(Guid id, Guid deliveryId, ClaimsPrincipal user, IMessageBus bus, CancellationToken ct)
    {
        var queued = await bus.InvokeAsync<WebhookDelivery>(new RedeliverWebhook(user.ClientApp()!, id, deliveryId), ct);
        return TypedResults.Accepted((string?)null, WebhookDeliveryView.Of(queued));
    }
}
