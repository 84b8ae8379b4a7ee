using Marten;
using MyGovernment.Application.Payments;
using MyGovernment.Projections.Payments;

namespace MyGovernment.Api.Payments;

/// <summary>
/// Wiring only: Application asks through <see cref="IPendingPaymentLookup"/> and does not reference the read models,
/// so the host (which references both) hands the question to the read model's own query.
/// </summary>
public sealed class PendingPaymentLookup(IQuerySession session) : IPendingPaymentLookup
{
    public Task<IReadOnlyList<Guid>> FindUnresolvedSinceAsync(DateTimeOffset before, int limit, CancellationToken ct) =>
        UnresolvedPayments.SinceAsync(session, before, limit, ct);
}
