using Marten;
using MyGovernment.Domain.Reconciliation;
using MyGovernment.Projections.Payments;
using MyGovernment.Projections.Reconciliation;

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
        // The statement day that settled each payment, so a re-import of that day is told from a second pay-out.
        var settledBy = payments.Where(p => p.SettledBy is not null).Select(p => p.SettledBy!.Value).Distinct().ToArray();
        Dictionary<Guid, DateOnly> statementDays = settledBy.Length == 0
            ? []
            : (await session.LoadManyAsync<ReconciliationDetails>(ct, settledBy)).ToDictionary(r => r.Id, r => r.StatementDate);
        return payments
            .Select(p => new PaymentForReconciliation(p.Id, p.Version, p.DepartmentCode, p.ProviderSessionId, p.Status, p.Captured, p.CapturedAt, p.SettledBy,
                p.SettledBy is { } by && statementDays.TryGetValue(by, out var day) ? (DateOnly?)day : null, p.SettledGross))
            .ToList();
    }
}
