using Marten;
using MyGovernment.Application.Privacy;

namespace MyGovernment.Application.Webhooks;

/// <summary>The app removes a subscription: nothing more is sent to it, retries still scheduled included.</summary>
public sealed record DeleteWebhookSubscription(string ClientId, Guid SubscriptionId) : LogSafeMessage;

public static class DeleteWebhookSubscriptionHandler
{
    public static async Task Handle(DeleteWebhookSubscription command, IDocumentSession session, CancellationToken ct)
    {
        var subscription = await ClientApps.SubscriptionAsync(session, command.ClientId, command.SubscriptionId, ct);
        session.Delete(subscription);
    }
}
