using Marten;
using Microsoft.Extensions.Options;
using MyGovernment.Application.Privacy;
using MyGovernment.Projections.Payments;
using Wolverine;

namespace MyGovernment.Application.Payments;

/// <summary>The recurring job: payments left waiting on the provider too long are asked about again, one message each.</summary>
public sealed record RecheckPendingPayments : LogSafeMessage;

public static class RecheckPendingPaymentsHandler
{
    public const int BatchSize = 200;

    public static async Task<OutgoingMessages> Handle(
        RecheckPendingPayments job, IQuerySession session, TimeProvider clock, IOptions<PaymentsOptions> options, CancellationToken ct)
    {
        // Started, Authorised or StatusUnknown since before the re-check interval, from the payments read model.
        var stale = await UnresolvedPayments.SinceAsync(session, clock.GetUtcNow() - options.Value.RecheckAfter, BatchSize, ct);
        var messages = new OutgoingMessages();
        messages.AddRange(stale.Select(id => new RefreshPaymentStatus(id)));
        return messages;
    }
}
