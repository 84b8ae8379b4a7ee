using FluentValidation;
using Marten;
using Microsoft.Extensions.Options;
using MyGovernment.Application.Privacy;

namespace MyGovernment.Application.Webhooks;

/// <summary>
/// A new signing secret. The previous ones keep signing beside it for the overlap (the configured one unless the app
/// asks for a shorter or, within the maximum, longer one), so the app can switch its verification without a gap.
/// </summary>
public sealed record RotateWebhookSecret(string ClientId, Guid SubscriptionId, int? OverlapSeconds) : LogSafeMessage
{
    public sealed class Validator : AbstractValidator<RotateWebhookSecret>
    {
        public Validator(IOptions<WebhookOptions> options) =>
            RuleFor(c => c.OverlapSeconds).InclusiveBetween(0, (int)options.Value.MaxRotationOverlap.TotalSeconds);
    }
}

public sealed record WebhookSecretRotated(Guid SubscriptionId, string Secret, DateTimeOffset PreviousSecretsExpireAt);

public static class RotateWebhookSecretHandler
{
    public static async Task<WebhookSecretRotated> Handle(
        RotateWebhookSecret command, IDocumentSession session, TimeProvider clock, IOptions<WebhookOptions> options, CancellationToken ct)
    {
        var subscription = await ClientApps.SubscriptionAsync(session, command.ClientId, command.SubscriptionId, ct);
        var now = clock.GetUtcNow();
        var expires = now + (command.OverlapSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : options.Value.RotationOverlap);
        var secret = WebhookSignature.NewSecret();
        // Secrets already past their overlap are dropped; an older one never outlives the newer expiry.
        var previous = subscription.Secrets
            .Where(s => s.ExpiresAt is null || s.ExpiresAt > now)
            .Select(s => s with { ExpiresAt = s.ExpiresAt is { } at && at < expires ? at : expires });
        session.Store(subscription with { Secrets = [.. previous, new WebhookSecret(secret, now, null)] });
        return new WebhookSecretRotated(subscription.Id, secret, expires);
    }
}
