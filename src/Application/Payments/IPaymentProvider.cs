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
}

public sealed record OpenSessionRequest(Guid PaymentId, Money Amount, PaymentChannel Channel, DateTimeOffset ExpiresAt);

public sealed record ProviderSession(string SessionId, string? RedirectUrl, string? CashReference, DateTimeOffset ExpiresAt);

public sealed record ProviderSessionStatus(string SessionId, ProviderPaymentStatus Status, Money? Captured, IReadOnlyList<ProviderEventReport> Events);

/// <summary>The provider could not be reached or refused the call. Its message is safe to record (no payer data).</summary>
public sealed class PaymentProviderException(string message, Exception? inner = null) : Exception(message, inner);
