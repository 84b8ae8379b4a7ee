using MyGovernment.Domain.Common;
using MyGovernment.Domain.ServiceRequests;

namespace MyGovernment.Domain.Oversight;

/// <summary>
/// Report 5: the money kept for a request against the fee assessed for it. "Kept" is what <see cref="MoneyTrail"/>
/// adds up: captures on the request's payment streams and confirmations outside the payments module, minus refunds.
/// </summary>
public sealed class FeeDiscrepancyReport : IOversightReport
{
    public const string Name = "fee-discrepancies";

    public ReportDescriptor Descriptor { get; } = new(5, Name, "Fee discrepancies",
        "'issued-without-full-payment': a document was issued on a paid service while the money confirmed for the request (the sum of PaymentConfirmed amounts before the issue) was less than the fee assessed (the last FeeAssessed total), or no fee was assessed. "
        + "Money kept for a request = captured payments made for it (PaymentSucceeded on payment streams whose PaymentCreated names the request) plus PaymentConfirmed amounts whose reference is not one of those payments, minus their succeeded refunds (RefundSucceeded, or PaymentRefunded where the refund stream is missing), in the fee's currency, at the report's as-of instant. "
        + "'net-paid-differs-from-fee': a request whose document was issued (and not revoked) keeps an amount other than the last FeeAssessed total (a refund of an overpayment that brings it back to the fee is not a finding; a request already reported as issued-without-full-payment is not reported again). "
        + "'paid-but-unserved': a request keeps money and was not served: it ended rejected, withdrawn, abandoned or closed without a document ever issued more than Oversight:UnservedRefundWorkingDays working days before the as-of instant (counted from the end, or from a capture after it), or it is still open without a document more than Oversight:UnservedOpenWorkingDays working days after the first money came in; or a captured payment names a request that is not in the store. Dated the day the threshold was crossed.",
        ["issued-without-full-payment", "net-paid-differs-from-fee", "paid-but-unserved"]);

    public IEnumerable<Finding> Find(OversightData data, OversightSettings settings, ReportScope scope)
    {
        var asOf = scope.AsOf;
        foreach (var request in data.Requests)
        {
            var unpaidIssue = false;
            if (request.Submitted?.IsPaid == true)
            {
                foreach (var finding in IssuedWithoutFullPayment(request))
                {
                    unpaidIssue = true;
                    yield return finding;
                }
            }
            var events = request.Events.Where(e => e.At <= asOf).ToList();
            var trail = data.MoneyOf(request);
            var fee = events.LastOrDefault(e => e.Data is FeeAssessed);
            // Served once a document was issued; a revoked document leaves keeping or refunding the fee to judgement.
            var document = events.LastOrDefault(e => e.Data is DocumentIssued or DocumentRevoked);
            var found = document is null
                ? Unserved(request, events, trail, fee, data, settings, asOf)
                : document.Data is DocumentIssued && !unpaidIssue ? NetDiffers(request, trail, fee, document, asOf) : null;
            if (found is not null)
            {
                yield return found;
            }
        }
        foreach (var payment in data.Payments.Where(p => p.Capture is not null && p.Capture.At <= asOf && (p.RequestId is not { } id || !data.ById.ContainsKey(id))))
        {
            var captured = payment.Captured!;
            var refunds = data.RefundsOf(payment).Where(r => r.At <= asOf && r.Amount.Currency == captured.Currency).ToList();
            if (captured.Amount - refunds.Sum(r => r.Amount.Amount) > 0)
            {
                yield return new Finding(Name, "paid-but-unserved", payment.Capture!.At, null, payment.DepartmentCode, null, payment.RequestId,
                    $"{captured} captured for a request that is not in the store",
                    [.. new[] { payment.Opening, payment.Capture }.OfType<OversightEvent>().Concat(refunds.Select(r => r.Event)).Select(e => e.Cite())]);
            }
        }
    }

    private static IEnumerable<Finding> IssuedWithoutFullPayment(RequestHistory request)
    {
        OversightEvent? fee = null;
        var payments = new List<OversightEvent>();
        foreach (var e in request.Events)
        {
            switch (e.Data)
            {
                case FeeAssessed:
                    fee = e;
                    break;
                case PaymentConfirmed:
                    payments.Add(e);
                    break;
                case DocumentIssued:
                    var due = (fee?.Data as FeeAssessed)?.Total;
                    var paid = payments.Select(p => ((PaymentConfirmed)p.Data).Amount).Where(m => m.Currency == due?.Currency).Sum(m => m.Amount);
                    if (due is null || paid < due.Amount)
                    {
                        yield return new Finding(Name, "issued-without-full-payment", e.At, e.Actor?.Subject, e.Actor?.Department ?? request.DepartmentAt(e),
                            request.ServiceCode, request.RequestId,
                            due is null ? "a document was issued on a paid service with no fee assessed" : $"a document was issued with {paid:0.00} {due.Currency} confirmed of {due.Amount:0.00} assessed",
                            [.. new[] { fee }.OfType<OversightEvent>().Concat(payments).Append(e).Select(x => x.Cite())]);
                    }
                    break;
            }
        }
    }

    /// <summary>Served: the money kept must be the fee. Dated at the issue, or at the later movement that left the balance wrong.</summary>
    private static Finding? NetDiffers(RequestHistory request, MoneyTrail trail, OversightEvent? fee, OversightEvent issued, DateTimeOffset asOf)
    {
        if (fee?.Data is not FeeAssessed { Total: var total })
        {
            return null;
        }
        var kept = trail.KeptAt(asOf, total.Currency);
        if (kept == total.Amount)
        {
            return null;
        }
        var movements = trail.Until(asOf).ToList();
        var last = movements.LastOrDefault(m => m.At > issued.At);
        var officer = last is null ? issued.Actor?.Subject : last.Refund?.RequestedBy?.Subject;
        return new Finding(Name, "net-paid-differs-from-fee", last?.At ?? issued.At, officer, issued.Actor?.Department ?? request.DepartmentAt(issued),
            request.ServiceCode, request.RequestId,
            $"{kept:0.00} {total.Currency} kept ({Sum(movements, true, total.Currency):0.00} paid, {Sum(movements, false, total.Currency):0.00} refunded) for a document issued at a fee of {total.Amount:0.00} {total.Currency}",
            [fee.Cite(), .. movements.Select(m => m.Event.Cite()), issued.Cite()]);
    }

    /// <summary>Not served: money kept past the grace after the end, or long after payment on a request still open.</summary>
    private static Finding? Unserved(
        RequestHistory request, List<OversightEvent> events, MoneyTrail trail, OversightEvent? fee, OversightData data, OversightSettings settings, DateTimeOffset asOf)
    {
        var movements = trail.Until(asOf).ToList();
        var currency = (fee?.Data as FeeAssessed)?.Total.Currency ?? movements.FirstOrDefault()?.Amount.Currency;
        var state = events.Aggregate((ServiceRequest?)null, (s, e) => ServiceRequest.Evolve(s, e.Data));
        if (currency is null || state is null || trail.KeptAt(asOf, currency) is var kept && kept <= 0)
        {
            return null;
        }
        var lastIn = movements.Last(m => m.In);
        if (state.Status is ServiceRequestStatus.Rejected or ServiceRequestStatus.Withdrawn or ServiceRequestStatus.Abandoned or ServiceRequestStatus.Closed)
        {
            var end = events.LastOrDefault(e => e.Data is RequestRejected or RequestWithdrawn or RequestAbandoned) ?? events.Last(e => e.Data is RequestClosed);
            // Money that came in after the end (a late capture) is owed back from the day it came.
            var from = lastIn.At > end.At ? lastIn.At : end.At;
            if (Crossed(from, asOf, settings.UnservedRefundWorkingDays, data) is not { } crossed)
            {
                return null;
            }
            return new Finding(Name, "paid-but-unserved", crossed, null, request.DepartmentAt(end), request.ServiceCode, request.RequestId,
                $"{end.Type.Replace("Request", "", StringComparison.Ordinal).ToLowerInvariant()} and still keeping {kept:0.00} {currency} more than {settings.UnservedRefundWorkingDays} working days later",
                [.. movements.Select(m => m.Event.Cite()), end.Cite()]);
        }
        var firstIn = movements.First(m => m.In);
        if (Crossed(firstIn.At, asOf, settings.UnservedOpenWorkingDays, data) is not { } late)
        {
            return null;
        }
        return new Finding(Name, "paid-but-unserved", late, state.AssignedTo, state.ReferredTo ?? state.CurrentDepartment ?? request.DepartmentAt(events[^1]),
            request.ServiceCode, request.RequestId,
            $"{state.Status}, keeping {kept:0.00} {currency} and not served more than {settings.UnservedOpenWorkingDays} working days after the money came in",
            [.. request.Opening is { } opening ? [opening.Cite()] : Array.Empty<Evidence>(), .. movements.Select(m => m.Event.Cite())]);
    }

    /// <summary>The start of the working day after which more than <paramref name="days"/> working days had passed since <paramref name="from"/>; null if not yet at <paramref name="asOf"/>.</summary>
    private static DateTimeOffset? Crossed(DateTimeOffset from, DateTimeOffset asOf, int days, OversightData data)
    {
        var start = PalestineTime.LocalDate(from);
        return data.Calendar.WorkingDaysBetween(start, PalestineTime.LocalDate(asOf)) <= days
            ? null
            : PalestineTime.FromLocal(data.Calendar.AddWorkingDays(start, days + 1).ToDateTime(TimeOnly.MinValue));
    }

    private static decimal Sum(IEnumerable<MoneyMovement> movements, bool inward, string currency) =>
        movements.Where(m => m.In == inward && m.Amount.Currency == currency).Sum(m => m.Amount.Amount);
}
