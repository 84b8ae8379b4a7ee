using MyGovernment.Domain.ServiceRequests;

namespace MyGovernment.Domain.Oversight;

/// <summary>
/// Report 5, the part the service-request events can prove today. "Paid minus refunded ≠ fee" and "paid but
/// unserved" need the payment and refund streams: they are added here when those events exist.
/// </summary>
public sealed class FeeDiscrepancyReport : IOversightReport
{
    public const string Name = "fee-discrepancies";

    public ReportDescriptor Descriptor { get; } = new(5, Name, "Fee discrepancies",
        "A document was issued on a paid service while the money confirmed for the request (the sum of PaymentConfirmed amounts before the issue) was less than the fee assessed (the last FeeAssessed total). Pending the payments module: paid minus refunded differs from the fee in force; paid but never served.",
        ["issued-without-full-payment"]);

    public IEnumerable<Finding> Find(OversightData data, OversightSettings settings, ReportScope scope)
    {
        foreach (var request in data.Requests.Where(r => r.Submitted?.IsPaid == true))
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
    }
}
