using Microsoft.Extensions.Options;
using MyGovernment.Application.Privacy;
using Wolverine;

namespace MyGovernment.Application.Payments;

/// <summary>The recurring job: payments left waiting on the provider too long are asked about again, one message each.</summary>
public sealed record RecheckPendingPayments : LogSafeMessage;

/// <summary>Finds payments Started, Authorised or StatusUnknown since before a time (implemented over the payments read model).</summary>
public interface IPendingPaymentLookup
{
    Task<IReadOnlyList<Guid>> FindUnresolvedSinceAsync(DateTimeOffset before, int limit, CancellationToken ct);
}

public static class RecheckPendingPaymentsHandler
{
    public const int BatchSize = 200;

    public static async Task<OutgoingMessages> Handle(
        RecheckPendingPayments job, IPendingPaymentLookup lookup, TimeProvider clock, IOptions<PaymentsOptions> options, CancellationToken ct)
    {
        var stale = await lookup.FindUnresolvedSinceAsync(clock.GetUtcNow() - options.Value.RecheckAfter, BatchSize, ct);
        var messages = new OutgoingMessages();
        messages.AddRange(stale.Select(id => new RefreshPaymentStatus(id)));
        return messages;
    }
}
