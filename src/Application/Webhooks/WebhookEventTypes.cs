namespace MyGovernment.Application.Webhooks;

/// <summary>The event types a client app can subscribe to: the names in the payload's "type".</summary>
public static class WebhookEventTypes
{
    public const string RequestStatusChanged = "request.status_changed";
    public const string PaymentSucceeded = "payment.succeeded";
    public const string DocumentIssued = "document.issued";

    public static IReadOnlyList<string> All { get; } = [RequestStatusChanged, PaymentSucceeded, DocumentIssued];
}
