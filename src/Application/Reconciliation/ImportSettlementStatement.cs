using Marten;
using MyGovernment.Application.Payments;
using MyGovernment.Domain.Common;
using MyGovernment.Projections.Reconciliation;

namespace MyGovernment.Application.Reconciliation;

/// <summary>
/// How a settlement file becomes a reconciliation, for the API (upload or fetch) and the <c>reconcile</c> command
/// alike: read the file, name the reconciliation after the file's hash, have it reconciled, read the result back.
/// </summary>
public static class ImportSettlementStatement
{
    /// <summary>The provider whose files we import; one today (the sandbox speaks its protocol).</summary>
    public const string Provider = "sandbox";

    /// <summary>
    /// Sends the reconcile command: the API goes through its Idempotency-Key handling (a repeat replays the first
    /// import), the command line invokes it directly.
    /// </summary>
    public delegate Task<ReconciliationDone> Send(ReconcileSettlementStatement command, CancellationToken ct);

    /// <summary>The same file twice collides on its name (409) instead of settling twice.</summary>
    public static async Task<ReconciliationDetails> FromFileAsync(
        DateOnly day, byte[] file, Actor by, Send send, IQuerySession query, CancellationToken ct)
    {
        var statement = SettlementStatementCsv.Parse(file);
        var id = NameBasedId.For("settlement-statement", $"{Provider}:{statement.Sha256}");
        await send(new ReconcileSettlementStatement(id, Provider, day, statement.Sha256, statement.Lines, by), ct);
        return (await query.LoadAsync<ReconciliationDetails>(id, ct))!;
    }

    /// <summary>The provider's own statement of <paramref name="day"/>; a provider that cannot be reached throws <see cref="PaymentProviderException"/>.</summary>
    public static async Task<ReconciliationDetails> FromProviderAsync(
        DateOnly day, IPaymentProvider provider, Actor by, Send send, IQuerySession query, CancellationToken ct) =>
        await FromFileAsync(day, await provider.GetSettlementFileAsync(day, ct), by, send, query, ct);
}
