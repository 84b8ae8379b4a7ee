using Marten;
using MyGovernment.Domain.Payments;

namespace MyGovernment.Projections.Payments;

/// <summary>The payments read model's answer to "which payments still wait on the provider?" (the recurring re-check asks it).</summary>
public static class UnresolvedPayments
{
    /// <summary>Payments Started, Authorised or StatusUnknown whose last change is before <paramref name="before"/>, oldest change first.</summary>
    public static async Task<IReadOnlyList<Guid>> SinceAsync(IQuerySession session, DateTimeOffset before, int limit, CancellationToken ct) =>
        await session.Query<PaymentDetails>()
            .Where(p => (p.Status == PaymentStatus.Started || p.Status == PaymentStatus.Authorised || p.Status == PaymentStatus.StatusUnknown)
                && p.LastChangedAt < before)
            .OrderBy(p => p.LastChangedAt)
            .Take(limit)
            .Select(p => p.Id)
            .ToListAsync(ct);
}
