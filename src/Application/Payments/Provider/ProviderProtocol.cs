using MyGovernment.Domain.Payments;

namespace MyGovernment.Application.Payments.Provider;

// The provider's wire protocol as our client sees it. Declared here, on our side, so the client depends on the
// protocol and never on the provider's own code (the sandbox is one implementation of it; a real provider is another).

/// <summary>POST v1/checkout-sessions.</summary>
public sealed record CheckoutSessionRequest(
    decimal Amount, string Currency, string MerchantReference, string Channel, string ReturnUrl, string CallbackUrl, DateTimeOffset ExpiresAt);

/// <summary>The answer to opening a session: where to send the citizen (card, wallet) or the reference to pay cash against.</summary>
public sealed record CheckoutSessionAnswer(string Id, string? HostedPageUrl, string? CashReference, DateTimeOffset ExpiresAt);

/// <summary>GET v1/checkout-sessions/{id}: the provider's truth about a session, with the events it has recorded.</summary>
public sealed record CheckoutSessionStatusAnswer(
    string Id, string Status, decimal AmountCaptured, string Currency, IReadOnlyList<ProviderSessionEvent> Events);

public sealed record ProviderSessionEvent(string Id, string Type, decimal Amount, DateTimeOffset CreatedAt);

/// <summary>POST v1/refunds.</summary>
public sealed record RefundRequest(string SessionId, decimal Amount, string Currency, string MerchantRefundReference);

public sealed record RefundAnswer(string Id, string Status, string? FailureReason);

/// <summary>What the provider posts to our callback. Parsed only after the signature over the raw bytes was verified.</summary>
public sealed record WebhookDelivery(
    string? Id, string? Type, string? SessionId, string? MerchantReference, decimal? Amount, string? Currency, DateTimeOffset? CreatedAt);

/// <summary>The provider's headers and event vocabulary, mapped to ours.</summary>
public static class ProviderProtocol
{
    public const string ApiKeyHeader = "Sandbox-Api-Key";
    public const string SignatureHeader = "Sandbox-Signature";
    public const string RefundSucceeded = "succeeded";

    /// <summary>Where the provider posts its webhooks (our callback; the route is part of our public API).</summary>
    public const string WebhookPath = "/api/payments/webhooks/sandbox";

    public static ProviderPaymentStatus? ToStatus(string? type) => type switch
    {
        "payment.authorised" => ProviderPaymentStatus.Authorised,
        "payment.succeeded" => ProviderPaymentStatus.Succeeded,
        "payment.failed" => ProviderPaymentStatus.Failed,
        "payment.cancelled" => ProviderPaymentStatus.Cancelled,
        "payment.expired" => ProviderPaymentStatus.Expired,
        "payment.open" => ProviderPaymentStatus.Pending,
        _ => null,
    };
}
