using System.Globalization;
using MyGovernment.Domain.Payments;
using MyGovernment.Domain.Reconciliation;

namespace MyGovernment.Domain.Oversight;

/// <summary>
/// Report 10: money whose fate is not known — payments left waiting on the provider, settlements nobody reconciled,
/// and every break a reconciliation found (including statement lines that match no payment of ours at all).
/// </summary>
public sealed class OrphanedMoneyReport : IOversightReport
{
    public const string Name = "orphaned-money";

    public ReportDescriptor Descriptor { get; } = new(10, Name, "Orphaned money",
        "Judged at the report's as-of instant. 'pending-too-long' (Created or Started), 'authorised-too-long' (Authorised: the provider holds the money, uncaptured) and 'status-unknown' (we could not learn the outcome): a payment in that status for more than Oversight:PaymentUnresolvedAfter since the event that put it there, dated when the threshold was crossed. "
        + "'settled-not-reconciled': a PaymentSettled with neither a PaymentReconciled nor a PaymentReconciliationFlagged of the same reconciliation more than Oversight:SettledUnreconciledAfter later. "
        + "Reconciliation breaks, one per item of a StatementReconciled whose category is not Matched, citing the reconciliation stream (and the payment's PaymentReconciliationFlagged where there is a payment): 'amount-mismatch', 'missing-in-statement', 'missing-in-system' (a statement line with no captured payment of ours, also when no payment exists), 'duplicate-settlement'; a PaymentReconciliationFlagged whose reconciliation stream is missing is reported under its category too. "
        + "'provider-contradiction': a ContradictoryProviderEventRecorded (a capture after we gave up, a capture of another amount, a failure after a capture). There is no resolution event yet: breaks stay reported.",
        ["pending-too-long", "authorised-too-long", "status-unknown", "settled-not-reconciled", "amount-mismatch", "missing-in-statement", "missing-in-system", "duplicate-settlement", "provider-contradiction"]);

    public IEnumerable<Finding> Find(OversightData data, OversightSettings settings, ReportScope scope)
    {
        var asOf = scope.AsOf;
        var itemized = new HashSet<(Guid Reconciliation, Guid Payment, ReconciliationCategory Category)>();
        foreach (var reconciliation in data.Reconciliations.Where(r => r.Reconciled is not null && r.Reconciled.At <= asOf))
        {
            var reconciled = reconciliation.Reconciled!;
            var statement = reconciliation.Statement;
            foreach (var item in ((StatementReconciled)reconciled.Data).Items.Where(i => i.Category != ReconciliationCategory.Matched))
            {
                var payment = item.PaymentId is { } id ? data.PaymentById.GetValueOrDefault(id) : null;
                var flags = payment?.Events.Where(e => e.At <= asOf && e.Data is PaymentReconciliationFlagged f
                    && f.ReconciliationId == reconciliation.ReconciliationId && f.Category == item.Category && f.Rule == item.Rule).ToList() ?? [];
                if (item.PaymentId is { } paymentId)
                {
                    itemized.Add((reconciliation.ReconciliationId, paymentId, item.Category));
                }
                var place = data.PlaceOf(item.PaymentId);
                var where = statement is null ? "a statement" : $"the {statement.Provider} statement of {statement.StatementDate:yyyy-MM-dd}";
                yield return new Finding(Name, RuleOf(item.Category), reconciled.At, null, item.DepartmentCode ?? place.Department, place.Service, place.RequestId,
                    $"{where}, {(item.Line is { } line ? "line " + line.ToString(CultureInfo.InvariantCulture) : "no line")}: {item.Rule}; statement {Show(item.StatementAmount)}, ours {Show(item.SystemAmount)}"
                    + (item.PaymentId is null ? $", provider reference {item.ProviderReference}" : ""),
                    [reconciled.Cite(), .. flags.Select(f => f.Cite())]);
            }
        }
        foreach (var payment in data.Payments)
        {
            foreach (var finding in Payment(payment, data, settings, asOf, itemized))
            {
                yield return finding;
            }
        }
    }

    private static IEnumerable<Finding> Payment(
        PaymentHistory payment, OversightData data, OversightSettings settings, DateTimeOffset asOf, HashSet<(Guid, Guid, ReconciliationCategory)> itemized)
    {
        var place = data.PlaceOf(payment.PaymentId);
        Finding Make(string rule, DateTimeOffset at, string summary, params OversightEvent?[] evidence) =>
            new(Name, rule, at, null, place.Department, place.Service, place.RequestId, summary,
                [.. evidence.OfType<OversightEvent>().DistinctBy(e => e.Sequence).Select(e => e.Cite())]);

        var state = payment.StateAt(asOf);
        var since = payment.StatusSince(asOf);
        if (state is not null && since is not null && asOf - since.At > settings.PaymentUnresolvedAfter)
        {
            var rule = state.Status switch
            {
                PaymentStatus.Created or PaymentStatus.Started => "pending-too-long",
                PaymentStatus.Authorised => "authorised-too-long",
                PaymentStatus.StatusUnknown => "status-unknown",
                _ => null,
            };
            if (rule is not null)
            {
                yield return Make(rule, since.At + settings.PaymentUnresolvedAfter,
                    $"{state.Amount} {state.Status} since {since.At:u}, more than {settings.PaymentUnresolvedAfter} before {asOf:u}", payment.Opening, since);
            }
        }
        var events = payment.Events.Where(e => e.At <= asOf).ToList();
        foreach (var e in events)
        {
            switch (e.Data)
            {
                case PaymentSettled settled when asOf - e.At > settings.SettledUnreconciledAfter
                    && !events.Any(x => x.Data is PaymentReconciled r && r.ReconciliationId == settled.ReconciliationId
                        || x.Data is PaymentReconciliationFlagged f && f.ReconciliationId == settled.ReconciliationId):
                    yield return Make("settled-not-reconciled", e.At + settings.SettledUnreconciledAfter,
                        $"settled {settled.Gross} on the statement of {settled.StatementDate:yyyy-MM-dd}, neither reconciled nor flagged more than {settings.SettledUnreconciledAfter} later",
                        payment.Opening, payment.Capture, e);
                    break;
                case PaymentReconciliationFlagged flag when !itemized.Contains((flag.ReconciliationId, payment.PaymentId, flag.Category)):
                    yield return Make(RuleOf(flag.Category), e.At, $"flagged by reconciliation {flag.ReconciliationId} ({flag.Rule}); its statement is not in the store",
                        payment.Opening, payment.Capture, e);
                    break;
                case ContradictoryProviderEventRecorded contradiction:
                    yield return Make("provider-contradiction", e.At, contradiction.Reason, payment.Opening, payment.Capture, e);
                    break;
            }
        }
    }

    public static string RuleOf(ReconciliationCategory category) => category switch
    {
        ReconciliationCategory.AmountMismatch => "amount-mismatch",
        ReconciliationCategory.MissingInStatement => "missing-in-statement",
        ReconciliationCategory.MissingInSystem => "missing-in-system",
        ReconciliationCategory.Duplicate => "duplicate-settlement",
        _ => "matched",
    };

    private static string Show(Common.Money? money) => money?.ToString() ?? "none";
}
