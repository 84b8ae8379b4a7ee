namespace MyGovernment.Application.Webhooks;

public enum WebhookSubscriptionStatus
{
    Active,
    Disabled,
}

/// <summary>A signing secret (<c>whsec_</c> + base64 key); one that was rotated out signs until <see cref="ExpiresAt"/>.</summary>
public sealed record WebhookSecret(string Value, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt);

/// <summary>
/// A client app's subscription: where to send which event types. Only events stored after its creation
/// (<see cref="StartsAfterSequence"/>) are sent to it, so a rebuild of the subscriber never sends it history.
/// </summary>
public sealed record WebhookSubscription(
    Guid Id,
    string ClientId,
    string Url,
    IReadOnlyList<string> EventTypes,
    DateTimeOffset CreatedAt,
    long StartsAfterSequence,
    IReadOnlyList<WebhookSecret> Secrets,
    WebhookSubscriptionStatus Status = WebhookSubscriptionStatus.Active,
    DateTimeOffset? DisabledAt = null,
    string? DisabledReason = null)
{
    /// <summary>The secrets that sign at this moment: the newest, and rotated-out ones still within their overlap.</summary>
    public IReadOnlyList<string> SigningSecrets(DateTimeOffset now) =>
        [.. Secrets.Where(s => s.ExpiresAt is null || s.ExpiresAt > now).Select(s => s.Value)];
}
