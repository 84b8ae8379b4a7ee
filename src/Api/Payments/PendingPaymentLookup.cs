using Marten;
using MyGovernment.Application.Payments;
using MyGovernment.Domain.Payments;
using MyGovernment.Projections.Payments;

namespace MyGovernment.Api.Payments;

/// <summary>Unresolved payments from the inline read model, oldest change first.</summary>
public sealed class PendingPaymentLookup(IQuerySession session) : IPendingPaymentLookup
{
    public async Task<IReadOnlyList<Guid>> FindUnresolvedSinceAsync(DateTimeOffset before, int limit, CancellationToken ct) =>
        await session.Query<PaymentDetails>()
            .Where(p => (p.Status == PaymentStatus.Started || p.Status == PaymentStatus.Authorised || p.Status == PaymentStatus.StatusUnknown)
                && p.LastChangedAt < before)
            .OrderBy(p => p.LastChangedAt)
            .Take(limit)
            .Select(p => p.Id)
            .ToListAsync(ct);
}
