using FluentValidation;
using Marten;
using Microsoft.Extensions.Options;
using MyGovernment.Application.Privacy;
using MyGovernment.Domain.Common;

namespace MyGovernment.Application.Webhooks;

/// <summary>A client app subscribes a target URL to event types. The answer shows the signing secret, this once.</summary>
public sealed record CreateWebhookSubscription(string ClientId, string Url, IReadOnlyList<string>? EventTypes) : LogSafeMessage
{
    public sealed class Validator : AbstractValidator<CreateWebhookSubscription>
    {
        public Validator(IOptions<WebhookOptions> options)
        {
            RuleFor(c => c.Url).NotEmpty().MaximumLength(2000)
                .Custom((url, context) =>
                {
                    if (WebhookTargets.Refusal(url, options.Value.StrictTargets) is { } refusal)
                    {
                        context.AddFailure("url", refusal);
                    }
                });
            RuleFor(c => c.EventTypes).NotEmpty();
            RuleForEach(c => c.EventTypes).Must(t => WebhookEventTypes.All.Contains(t))
                .WithMessage($"Each event type must be one of: {string.Join(", ", WebhookEventTypes.All)}.");
        }
    }
}

/// <summary>The subscription as its app sees it; <see cref="Secret"/> only in the answer that created or rotated it.</summary>
public sealed record WebhookSubscriptionView(
    Guid Id, string Url, IReadOnlyList<string> EventTypes, WebhookSubscriptionStatus Status, DateTimeOffset CreatedAt,
    DateTimeOffset? DisabledAt, string? DisabledReason, string? Secret = null)
{
    public static WebhookSubscriptionView Of(WebhookSubscription s, string? secret = null) =>
        new(s.Id, s.Url, s.EventTypes, s.Status, s.CreatedAt, s.DisabledAt, s.DisabledReason, secret);
}

public static class CreateWebhookSubscriptionHandler
{
    public static async Task<WebhookSubscriptionView> Handle(CreateWebhookSubscription command, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        _ = await ClientApps.RegisteredAsync(session, command.ClientId, ct);
        // Events already stored are history: only what happens from now on is sent (also after a rebuild).
        var statistics = await session.DocumentStore.Storage.Database.FetchEventStoreStatistics(ct);
        var now = clock.GetUtcNow();
        var secret = WebhookSignature.NewSecret();
        var subscription = new WebhookSubscription(
            Guid.CreateVersion7(), command.ClientId, command.Url.Trim(), [.. command.EventTypes!.Distinct()], now,
            statistics.EventSequenceNumber, [new WebhookSecret(secret, now, null)]);
        session.Store(subscription);
        return WebhookSubscriptionView.Of(subscription, secret);
    }
}

public static class ClientApps
{
    /// <summary>The caller's registered app; a token for an unregistered (or removed) client id is refused.</summary>
    public static async Task<ClientApp> RegisteredAsync(IQuerySession session, string clientId, CancellationToken ct) =>
        await session.LoadAsync<ClientApp>(clientId, ct)
        ?? throw new DomainException("client_app_not_registered", "No client app is registered with this token's client id.");

    /// <summary>The app's own subscription; another app's id is answered like a missing one.</summary>
    public static async Task<WebhookSubscription> SubscriptionAsync(IQuerySession session, string clientId, Guid id, CancellationToken ct) =>
        await session.LoadAsync<WebhookSubscription>(id, ct) is { } found && found.ClientId == clientId
            ? found
            : throw new NotFoundException("webhook_subscription_not_found", "No such webhook subscription, or it is not yours.");
}
