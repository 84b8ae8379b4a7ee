using MyGovernment.Domain.Common;
using MyGovernment.Domain.Payments;

namespace MyGovernment.Application.Payments;

/// <summary>A payment provider's checkout API, as our handlers need it. The implementation speaks its HTTP protocol.</summary>
public interface IPaymentProvider
{
    /// <summary>Opens a hosted checkout (card, wallet) or a cash reference. Idempotent per payment id at the provider.</summary>
    Task<ProviderSession> OpenSessionAsync(OpenSessionRequest request, CancellationToken ct);

    /// <summary>The provider's own view of a session: the source of truth when a webhook is doubtful or missing.</summary>
    Task<ProviderSessionStatus> GetStatusAsync(string providerSessionId, CancellationToken ct);

    /// <summary>Returns captured money to the payer. Idempotent per refund id at the provider; answers the outcome synchronously.</summary>
    Task<ProviderRefundResult> RefundAsync(ProviderRefundRequest request, CancellationToken ct);

    /// <summary>The provider's settlement file for one UTC day (CSV bytes, exactly as served: their hash identifies the file).</summary>
    Task<byte[]> GetSettlementFileAsync(DateOnly day, CancellationToken ct);
}

public sealed record ProviderRefundRequest(Guid RefundId, string ProviderSessionId, Money Amount);

/// <summary>The provider's answer to a refund: its id, and whether the money went back (else why not).</summary>
public sealed record ProviderRefundResult(string ProviderRefundId, bool Succeeded, string? FailureReason);

public sealed record OpenSessionRequest(Guid PaymentId, Money Amount, PaymentChannel Channel, DateTimeOffset ExpiresAt);

public sealed record ProviderSession(string SessionId, string? RedirectUrl, string? CashReference, DateTimeOffset ExpiresAt);

public sealed record ProviderSessionStatus(string SessionId, ProviderPaymentStatus Status, Money? Captured, IReadOnlyList<ProviderEventReport> Events);

/// <summary>The provider could not be reached or refused the call. Its message is safe to record (no payer data).</summary>
public sealed class PaymentProviderException(string message, Exception? inner = null) : Exception(message, inner);
