using MyGovernment.Domain.ServiceRequests;

namespace MyGovernment.Domain.Oversight;

/// <summary>
/// Report 6: refunds that return more than was taken, return the fee of a service still in force, come in many
/// small pieces, or that one finance officer makes far more of (or far larger) than peers.
/// </summary>
public sealed class RefundAnomalyReport : IOversightReport
{
    public const string Name = "refund-anomalies";

    public ReportDescriptor Descriptor { get; } = new(6, Name, "Refund anomalies",
        "A refund counts once it succeeded (RefundSucceeded on its stream, or PaymentRefunded on the payment where the refund stream is missing); it is the requester's (RefundRequested.By). "
        + "'refund-exceeds-captured': the refunds of one payment add up to more than it captured (PaymentSucceeded; nothing captured counts as zero), dated at the refund that crossed. "
        + "'refund-on-issued-request': a refund succeeded while the request's document was issued and not revoked, and left the money kept for the request (see report 5) below the fee assessed; refunding an overpayment back down to the fee is not a finding. "
        + "'repeated-partial-refunds': Oversight:RepeatedPartialRefunds or more refunds of one payment each for less than it captured, dated at the one that reached the number. "
        + "Outliers, over the refunds that succeeded in the period (narrowed by the payment's department and the request's service), per finance officer with at least Oversight:RefundOutlierMinimumRefunds refunds against the pooled refunds of the other officers of the same finance unit (the department in their tokens; at least Oversight:RefundOutlierMinimumPeerRefunds refunds): 'refund-rate-high' when the equal share 1/(number of officers) lies below the Wilson interval of the officer's share of the refunds at z = Oversight:RefundOutlierZ; 'refund-amount-high' when the officer's mean refund exceeds the peers' by more than z = Oversight:RefundOutlierZ standard errors (the standard deviation of all the refunds in the sample) and is at least Oversight:RefundAmountOutlierRatio times the peers' mean. The officer filter selects findings, never the peers; an outlier finding is filed under the unit, or under the department filtered on.",
        ["refund-exceeds-captured", "refund-on-issued-request", "repeated-partial-refunds", "refund-rate-high", "refund-amount-high"]);

    public IEnumerable<Finding> Find(OversightData data, OversightSettings settings, ReportScope scope)
    {
        var asOf = scope.AsOf;
        foreach (var payment in data.Payments)
        {
            var refunds = data.RefundsOf(payment).Where(r => r.At <= asOf).ToList();
            if (refunds.Count == 0)
            {
                continue;
            }
            if (Exceeds(payment, refunds, data) is { } exceeds)
            {
                yield return exceeds;
            }
            if (Repeated(payment, refunds, data, settings) is { } repeated)
            {
                yield return repeated;
            }
        }
        foreach (var refund in data.Refunds.Where(r => r.Succeeded is not null && r.Succeeded.At <= asOf
                     && (r.PaymentId is not { } id || !data.PaymentById.ContainsKey(id))))
        {
            // Money out of a payment that is not in the store: it captured nothing we know of.
            yield return new Finding(Name, "refund-exceeds-captured", refund.Succeeded!.At, refund.RequestedBy?.Subject, null, null, null,
                $"a refund of {((Payments.Refunds.RefundSucceeded)refund.Succeeded.Data).Amount} from a payment that is not in the store",
                [.. new[] { refund.Requested, refund.Succeeded }.OfType<OversightEvent>().Select(e => e.Cite())]);
        }
        foreach (var request in data.Requests)
        {
            foreach (var finding in OnIssued(request, data))
            {
                yield return finding;
            }
        }
        foreach (var finding in Outliers(data, settings, scope))
        {
            yield return finding;
        }
    }

    private static Finding? Exceeds(PaymentHistory payment, List<RefundMoney> refunds, OversightData data)
    {
        var captured = payment.Captured;
        var total = 0m;
        foreach (var refund in refunds)
        {
            // A refund in another currency than the capture is money the capture cannot cover.
            total += refund.Amount.Amount;
            if (captured is not null && refund.Amount.Currency == captured.Currency && total <= captured.Amount)
            {
                continue;
            }
            var place = data.PlaceOf(payment.PaymentId);
            var upTo = refunds.TakeWhile(r => !ReferenceEquals(r, refund)).Append(refund).ToList();
            return new Finding(Name, "refund-exceeds-captured", refund.At, refund.RequestedBy?.Subject, place.Department, place.Service, place.RequestId,
                $"refunds of {total:0.00} {refund.Amount.Currency} from a payment that captured {(captured is null ? "nothing" : captured.ToString())}",
                [.. new[] { payment.Opening, payment.Capture }.OfType<OversightEvent>().Concat(upTo.Select(r => r.Event)).Select(e => e.Cite())]);
        }
        return null;
    }

    private static Finding? Repeated(PaymentHistory payment, List<RefundMoney> refunds, OversightData data, OversightSettings settings)
    {
        var captured = payment.Captured;
        var partial = refunds.Where(r => captured is not null && r.Amount.Currency == captured.Currency && r.Amount.Amount < captured.Amount).ToList();
        if (settings.RepeatedPartialRefunds < 1 || partial.Count < settings.RepeatedPartialRefunds)
        {
            return null;
        }
        var nth = partial[settings.RepeatedPartialRefunds - 1];
        var place = data.PlaceOf(payment.PaymentId);
        return new Finding(Name, "repeated-partial-refunds", nth.At, nth.RequestedBy?.Subject, place.Department, place.Service, place.RequestId,
            $"{partial.Count} partial refunds ({string.Join(", ", partial.Select(r => r.Amount.Amount.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)))} {captured!.Currency}) of one payment that captured {captured}; requested by {string.Join(", ", partial.Select(r => r.RequestedBy?.Subject ?? "?").Distinct())}",
            [.. partial.Select(r => r.Event.Cite())]);
    }

    /// <summary>Each refund that, while the document stood, took the money kept below the fee.</summary>
    private static IEnumerable<Finding> OnIssued(RequestHistory request, OversightData data)
    {
        var issues = request.Events.Where(e => e.Data is DocumentIssued or DocumentRevoked).ToList();
        if (issues.Count == 0)
        {
            yield break;
        }
        var trail = data.MoneyOf(request);
        foreach (var movement in trail.Movements.Where(m => m.Refund is not null))
        {
            var standing = issues.LastOrDefault(e => e.At <= movement.At);
            var fee = request.Events.LastOrDefault(e => e.Data is FeeAssessed && e.At <= movement.At);
            if (standing?.Data is not DocumentIssued || fee?.Data is not FeeAssessed { Total: var total })
            {
                continue;
            }
            var kept = trail.KeptAfter(movement, total.Currency);
            if (kept >= total.Amount)
            {
                continue;
            }
            var refund = movement.Refund!;
            var place = data.PlaceOf(refund.PaymentId);
            yield return new Finding(Name, "refund-on-issued-request", refund.At, refund.RequestedBy?.Subject, place.Department, request.ServiceCode, request.RequestId,
                $"{refund.Amount} refunded while the document issued {PalestineDate(standing)} stands; {kept:0.00} {total.Currency} kept of a {total.Amount:0.00} fee",
                [fee.Cite(), standing.Cite(), .. refund.Refund?.Requested is { } asked ? [asked.Cite()] : Array.Empty<Evidence>(), refund.Event.Cite()]);
        }
    }

    /// <summary>Per finance unit (the department in the officers' tokens): each officer against the unit's other officers.</summary>
    private static IEnumerable<Finding> Outliers(OversightData data, OversightSettings settings, ReportScope scope)
    {
        var sample = data.Payments
            .SelectMany(p => data.RefundsOf(p))
            .Select(r => (Refund: r, Place: data.PlaceOf(r.PaymentId), Officer: r.RequestedBy?.Subject, Unit: r.RequestedBy?.Department ?? ""))
            .Where(r => r.Officer is not null && scope.Samples(r.Refund.At, r.Place.Department, r.Place.Service))
            .ToList();
        foreach (var unit in sample.GroupBy(r => r.Unit, StringComparer.OrdinalIgnoreCase))
        {
            var refunds = unit.ToList();
            var officers = refunds.Select(r => r.Officer!).Distinct(StringComparer.Ordinal).Count();
            var sd = StandardDeviation([.. refunds.Select(r => (double)r.Refund.Amount.Amount)]);
            // Filtered by department, the finding belongs to it (the sample was that department's money); else to the unit.
            var department = scope.Department ?? (unit.Key.Length > 0 ? unit.Key : null);
            foreach (var officer in refunds.GroupBy(r => r.Officer!, StringComparer.Ordinal))
            {
                var n = officer.Count();
                var peers = refunds.Count - n;
                if (n < settings.RefundOutlierMinimumRefunds || peers < settings.RefundOutlierMinimumPeerRefunds)
                {
                    continue;
                }
                var last = officer.MaxBy(r => r.Refund.At);
                var evidence = officer.OrderBy(r => r.Refund.Event.Sequence).Select(r => r.Refund.Event.Cite()).ToList();
                var equalShare = 1.0 / officers;
                var (low, high) = ApprovalRateOutlierReport.Wilson(n, refunds.Count, settings.RefundOutlierZ);
                if (equalShare < low)
                {
                    yield return new Finding(Name, "refund-rate-high", last.Refund.At, officer.Key, department, scope.Service, null,
                        $"{officer.Key} requested {n} of {refunds.Count} refunds ({(double)n / refunds.Count:P0}) among {officers} finance officers (equal share {equalShare:P0}); interval at z={settings.RefundOutlierZ}: [{low:P0}, {high:P0}]",
                        evidence);
                }
                var mean = officer.Average(r => (double)r.Refund.Amount.Amount);
                var peerMean = refunds.Where(r => r.Officer != officer.Key).Average(r => (double)r.Refund.Amount.Amount);
                var z = sd == 0 ? 0 : (mean - peerMean) / (sd * Math.Sqrt(1.0 / n + 1.0 / peers));
                if (z > settings.RefundOutlierZ && mean >= settings.RefundAmountOutlierRatio * peerMean)
                {
                    yield return new Finding(Name, "refund-amount-high", last.Refund.At, officer.Key, department, scope.Service, null,
                        $"{officer.Key}'s {n} refunds average {mean:0.00}; the peers' {peers} average {peerMean:0.00} (z={z:0.0}, threshold {settings.RefundOutlierZ}; ratio {mean / peerMean:0.0}, threshold {settings.RefundAmountOutlierRatio})",
                        evidence);
                }
            }
        }
    }

    private static double StandardDeviation(List<double> values)
    {
        if (values.Count < 2)
        {
            return 0;
        }
        var mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1));
    }

    private static string PalestineDate(OversightEvent e) => Common.PalestineTime.LocalDate(e.At).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
