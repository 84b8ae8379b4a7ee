namespace MyGovernment.Application.Webhooks;

public enum WebhookDeliveryStatus
{
    Pending,
    Succeeded,
    Failed,
    Cancelled,
}

/// <param name="StatusCode">The receiver's HTTP status, or null when no answer came (refused, timed out, blocked address).</param>
public sealed record WebhookAttempt(DateTimeOffset At, int? StatusCode, string? Error, bool Manual);

/// <summary>
/// One message for one subscription. Its id is derived from the event and the subscription, so re-reading the events
/// finds it instead of making another; <see cref="MessageId"/> (the <c>webhook-id</c>) stays the same across retries
/// and redeliveries, and <see cref="Body"/> is fixed at creation so every attempt sends the same bytes.
/// <see cref="PendingSend"/> names the one scheduled send allowed to run: a redelivery replaces it, so a retry already
/// scheduled finds itself stale instead of sending a second copy.
/// </summary>
public sealed record WebhookDelivery(
    Guid Id,
    Guid SubscriptionId,
    string ClientId,
    string EventType,
    Guid RequestId,
    long EventSequence,
    DateTimeOffset CreatedAt,
    string Body,
    WebhookDeliveryStatus Status,
    IReadOnlyList<WebhookAttempt> Attempts,
    Guid? PendingSend,
    DateTimeOffset? NextAttemptAt)
{
    public string MessageId => "msg_" + Id.ToString("N");
}
