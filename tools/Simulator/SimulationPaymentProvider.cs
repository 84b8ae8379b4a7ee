using System.Collections.Concurrent;
using MyGovernment.Application.Payments;
using MyGovernment.Domain.Payments;

namespace MyGovernment.Simulator;

/// <summary>
/// The payment provider of a simulated office, in process and deterministic: sessions are named after their payment,
/// every refund is paid back at once, and it is always reachable except for the payments the plan takes offline
/// (to leave a payment's status unknown). Captures are reported by the plan itself, as the provider's webhook would
/// (<see cref="RecordProviderEvent"/>), so asking for a session's status answers "pending" with no news.
/// </summary>
public sealed class SimulationPaymentProvider : IPaymentProvider
{
    public const string Name = "simulation";

    private readonly ConcurrentDictionary<string, bool> _offline = new(StringComparer.Ordinal);

    public static string SessionFor(Guid paymentId) => "sim_" + paymentId.ToString("N");

    public void TakeOffline(Guid paymentId) => _offline[SessionFor(paymentId)] = true;

    public Task<ProviderSession> OpenSessionAsync(OpenSessionRequest request, CancellationToken ct) =>
        Task.FromResult(new ProviderSession(SessionFor(request.PaymentId), $"https://provider.invalid/pay/{SessionFor(request.PaymentId)}", null, request.ExpiresAt));

    public Task<ProviderSessionStatus> GetStatusAsync(string providerSessionId, CancellationToken ct) =>
        _offline.ContainsKey(providerSessionId)
            ? throw new PaymentProviderException("The simulated provider is offline for this session.")
            : Task.FromResult(new ProviderSessionStatus(providerSessionId, ProviderPaymentStatus.Pending, null, []));

    public Task<ProviderRefundResult> RefundAsync(ProviderRefundRequest request, CancellationToken ct) =>
        Task.FromResult(new ProviderRefundResult("sim_re_" + request.RefundId.ToString("N"), true, null));

    /// <summary>The simulation imports each day's statement itself (it knows the captures; this provider does not keep them).</summary>
    public Task<byte[]> GetSettlementFileAsync(DateOnly day, CancellationToken ct) =>
        throw new PaymentProviderException("The simulated provider serves no settlement files: the simulation imports each day's statement itself.");
}
