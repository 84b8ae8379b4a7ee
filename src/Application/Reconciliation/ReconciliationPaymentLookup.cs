using Marten;
using MyGovernment.Domain.Reconciliation;
using MyGovernment.Projections.Payments;

namespace MyGovernment.Application.Reconciliation;

/// <summary>Reads the payments a statement concerns from the inline payments read model (indexed by session and capture time).</summary>
public sealed class ReconciliationPaymentLookup(IQuerySession session) : IReconciliationPaymentLookup
{
    public async Task<IReadOnlyList<PaymentForReconciliation>> FindAsync(
        IReadOnlyCollection<string> providerSessionIds, IReadOnlyCollection<Guid> paymentIds, DateTimeOffset capturedFrom, DateTimeOffset capturedUntil,
        CancellationToken ct)
    {
        var sessions = providerSessionIds.ToArray();
        var ids = paymentIds.ToArray();
        var payments = await session.Query<PaymentDetails>()
            .Where(p => p.ProviderSessionId.IsOneOf(sessions) || p.Id.IsOneOf(ids) || (p.CapturedAt >= capturedFrom && p.CapturedAt < capturedUntil))
            .ToListAsync(ct);
        return payments
            .Select(p => new PaymentForReconciliation(p.Id, p.Version, p.DepartmentCode, p.ProviderSessionId, p.Status, p.Captured, p.CapturedAt, p.SettledBy))
            .ToList();
    }
}
