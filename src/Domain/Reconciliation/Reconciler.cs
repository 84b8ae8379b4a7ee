using MyGovernment.Domain.Common;
using MyGovernment.Domain.Payments;
using MyGovernment.Domain.ServiceRequests;

namespace MyGovernment.Domain.Reconciliation;

/// <summary>What one reconciliation appends: its own stream's events, and events per payment stream it touched.</summary>
public sealed record ReconciliationOutcome(
    IReadOnlyList<object> ReconciliationEvents, IReadOnlyDictionary<Guid, IReadOnlyList<object>> PaymentEvents, IReadOnlyList<ReconciliationItem> Items);

/// <summary>
/// Pure matching of a settlement statement against our payments. A line is found by the provider's session id, or
/// failing that by the merchant reference (our payment id). Rules, in order, for each line:
/// <list type="number">
/// <item>a session already seen on an earlier line of this statement → Duplicate (<c>duplicate-in-statement</c>);</item>
/// <item>no payment of ours → MissingInSystem (<c>unknown-reference</c>);</item>
/// <item>a payment we have not captured → MissingInSystem (<c>not-captured-in-system</c>), the payment is flagged;</item>
/// <item>a payment settled by an earlier import of this same statement date, for this amount → Matched
/// (<c>already-settled-same-day</c>): re-importing a day's statement changes nothing;</item>
/// <item>a payment an earlier statement (of another day, or for another amount) settled → Duplicate
/// (<c>already-settled</c>), a second pay-out, the payment is flagged;</item>
/// <item>another amount or currency than captured → AmountMismatch (<c>amount-differs</c>): settled at the statement's
/// amount (that is the money that moved) and flagged;</item>
/// <item>otherwise Matched (<c>matched</c>): settled and reconciled.</item>
/// </list>
/// Then every payment we captured on the statement's day (UTC, by the provider's capture time), not yet settled and
/// on no line → MissingInStatement (<c>captured-not-settled</c>), flagged.
/// </summary>
public static class Reconciler
{
    public static ReconciliationOutcome Reconcile(
        Guid reconciliationId,
        string provider,
        DateOnly statementDate,
        string sha256,
        IReadOnlyList<StatementLine> lines,
        IReadOnlyCollection<PaymentForReconciliation> payments,
        Actor by,
        DateTimeOffset now)
    {
        var currency = lines.Select(l => l.Amount.Currency).Distinct(StringComparer.Ordinal).ToList();
        if (currency.Count > 1)
        {
            throw Guard.Rule("statement_mixed_currencies", "A settlement statement covers one currency account; this one mixes " + string.Join(", ", currency) + ".");
        }
        var statementCurrency = currency.FirstOrDefault() ?? Money.Shekel;

        var bySession = payments.Where(p => p.ProviderSessionId is not null)
            .GroupBy(p => p.ProviderSessionId!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var byId = payments.GroupBy(p => p.PaymentId).ToDictionary(g => g.Key, g => g.First());

        var items = new List<ReconciliationItem>();
        var paymentEvents = new Dictionary<Guid, List<object>>();
        var seenSessions = new HashSet<string>(StringComparer.Ordinal);
        var onStatement = new HashSet<Guid>();

        void Add(Guid paymentId, params object[] events)
        {
            if (!paymentEvents.TryGetValue(paymentId, out var list))
            {
                paymentEvents[paymentId] = list = [];
            }
            list.AddRange(events);
        }

        foreach (var line in lines)
        {
            var payment = Find(line, bySession, byId);
            var firstTime = seenSessions.Add(line.ProviderReference);
            if (payment is not null)
            {
                onStatement.Add(payment.PaymentId);
            }
            ReconciliationItem Item(ReconciliationCategory category, string rule) => new(
                category, rule, line.Line, line.ProviderReference, payment?.PaymentId, payment?.DepartmentCode, line.Amount, payment?.Captured);

            if (!firstTime)
            {
                items.Add(Item(ReconciliationCategory.Duplicate, "duplicate-in-statement"));
                if (payment is not null)
                {
                    Add(payment.PaymentId, Flag(payment, reconciliationId, ReconciliationCategory.Duplicate, "duplicate-in-statement", now));
                }
                continue;
            }
            if (payment is null)
            {
                items.Add(Item(ReconciliationCategory.MissingInSystem, "unknown-reference"));
                continue;
            }
            if (payment.Captured is null || payment.Status is not (PaymentStatus.Succeeded or PaymentStatus.Settled or PaymentStatus.Reconciled))
            {
                items.Add(Item(ReconciliationCategory.MissingInSystem, "not-captured-in-system"));
                Add(payment.PaymentId, Flag(payment, reconciliationId, ReconciliationCategory.MissingInSystem, "not-captured-in-system", now));
                continue;
            }
            if (payment.SettledBy is not null && payment.SettledOn == statementDate && payment.SettledGross == line.Amount)
            {
                // The same day's statement imported again (fetched again, regenerated): the settlement it repeats is
                // already in our books. Matched, and nothing is appended to the payment.
                items.Add(Item(ReconciliationCategory.Matched, "already-settled-same-day"));
                continue;
            }
            if (payment.SettledBy is not null)
            {
                items.Add(Item(ReconciliationCategory.Duplicate, "already-settled"));
                Add(payment.PaymentId, Flag(payment, reconciliationId, ReconciliationCategory.Duplicate, "already-settled", now));
                continue;
            }
            var settled = new PaymentSettled(
                payment.PaymentId, reconciliationId, payment.DepartmentCode, statementDate, line.Amount,
                new Money(line.Fee, line.Amount.Currency), new Money(line.Net, line.Amount.Currency), now);
            if (line.Amount != payment.Captured)
            {
                items.Add(Item(ReconciliationCategory.AmountMismatch, "amount-differs"));
                Add(payment.PaymentId, settled, Flag(payment, reconciliationId, ReconciliationCategory.AmountMismatch, "amount-differs", now));
                continue;
            }
            items.Add(Item(ReconciliationCategory.Matched, "matched"));
            Add(payment.PaymentId, settled, new PaymentReconciled(payment.PaymentId, reconciliationId, now));
        }

        var (from, until) = Day(statementDate);
        foreach (var payment in payments
                     .Where(p => p.Captured is not null && p.SettledBy is null && !onStatement.Contains(p.PaymentId)
                                 && p.CapturedAt >= from && p.CapturedAt < until)
                     .OrderBy(p => p.CapturedAt).ThenBy(p => p.PaymentId))
        {
            items.Add(new ReconciliationItem(
                ReconciliationCategory.MissingInStatement, "captured-not-settled", null, payment.ProviderSessionId, payment.PaymentId,
                payment.DepartmentCode, null, payment.Captured));
            Add(payment.PaymentId, Flag(payment, reconciliationId, ReconciliationCategory.MissingInStatement, "captured-not-settled", now));
        }

        var imported = new SettlementStatementImported(
            reconciliationId, provider, statementDate, sha256, lines.Count,
            new Money(lines.Sum(l => l.Amount.Amount), statementCurrency),
            new Money(lines.Sum(l => l.Fee), statementCurrency),
            new Money(lines.Sum(l => l.Net), statementCurrency),
            by, now);
        return new ReconciliationOutcome(
            [imported, new StatementReconciled(reconciliationId, items, now)],
            paymentEvents.ToDictionary(p => p.Key, p => (IReadOnlyList<object>)p.Value),
            items);
    }

    /// <summary>The UTC day a statement covers: captures from its midnight to the next.</summary>
    public static (DateTimeOffset From, DateTimeOffset Until) Day(DateOnly statementDate)
    {
        var from = new DateTimeOffset(statementDate.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        return (from, from.AddDays(1));
    }

    private static PaymentForReconciliation? Find(
        StatementLine line, Dictionary<string, PaymentForReconciliation> bySession, Dictionary<Guid, PaymentForReconciliation> byId)
    {
        if (bySession.TryGetValue(line.ProviderReference, out var payment))
        {
            return payment;
        }
        return Guid.TryParse(line.MerchantReference, out var id) && byId.TryGetValue(id, out payment) ? payment : null;
    }

    private static PaymentReconciliationFlagged Flag(
        PaymentForReconciliation payment, Guid reconciliationId, ReconciliationCategory category, string rule, DateTimeOffset now) =>
        new(payment.PaymentId, reconciliationId, category, rule, now);
}
