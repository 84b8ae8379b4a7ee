using MyGovernment.Domain.Common;
using MyGovernment.Domain.Payments;
using MyGovernment.Domain.Payments.Refunds;
using MyGovernment.Domain.ServiceRequests;

namespace MyGovernment.Domain.Oversight;

/// <summary>
/// Money a payment returned: one per refund id, from the refund stream's <see cref="RefundSucceeded"/> or, where that
/// stream is missing, the payment stream's <see cref="PaymentRefunded"/> (the two are written together; either alone
/// is still money that left).
/// </summary>
public sealed record RefundMoney(Guid RefundId, Guid PaymentId, Money Amount, OversightEvent Event, RefundHistory? Refund)
{
    public DateTimeOffset At => Event.At;

    /// <summary>The finance person who asked for it, when the refund stream says.</summary>
    public Actor? RequestedBy => Refund?.RequestedBy;

    public static IReadOnlyList<RefundMoney> Of(PaymentHistory payment, IEnumerable<RefundHistory> streams)
    {
        var refunds = new Dictionary<Guid, RefundMoney>();
        var byId = new Dictionary<Guid, RefundHistory>();
        foreach (var refund in streams)
        {
            byId[refund.RefundId] = refund;
            if (refund.Succeeded is { Data: RefundSucceeded s } e)
            {
                refunds[refund.RefundId] = new RefundMoney(refund.RefundId, payment.PaymentId, s.Amount, e, refund);
            }
        }
        foreach (var e in payment.Events)
        {
            if (e.Data is PaymentRefunded r && !refunds.ContainsKey(r.RefundId))
            {
                refunds[r.RefundId] = new RefundMoney(r.RefundId, payment.PaymentId, r.Amount, e, byId.GetValueOrDefault(r.RefundId));
            }
        }
        return [.. refunds.Values.OrderBy(r => r.At).ThenBy(r => r.Event.Sequence)];
    }
}

/// <summary>One movement of a request's money: in (a capture, or a confirmation outside the payments module) or out (a refund).</summary>
public sealed record MoneyMovement(OversightEvent Event, Money Amount, bool In, PaymentHistory? Payment, RefundMoney? Refund)
{
    public DateTimeOffset At => Event.At;

    public decimal Net => In ? Amount.Amount : -Amount.Amount;
}

/// <summary>
/// A request's money, in time order. In: each captured payment made for the request (<see cref="PaymentSucceeded"/>
/// on its payment stream), and each <see cref="PaymentConfirmed"/> on the request whose reference is not one of those
/// payments (money taken outside the payments module, e.g. at a counter). Out: every refund of those payments.
/// </summary>
public sealed class MoneyTrail
{
    private MoneyTrail(IReadOnlyList<MoneyMovement> movements) => Movements = movements;

    public IReadOnlyList<MoneyMovement> Movements { get; }

    public static MoneyTrail For(RequestHistory request, OversightData data)
    {
        var payments = data.PaymentsFor(request.RequestId);
        var ids = payments.Select(p => p.PaymentId.ToString()).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var movements = new List<MoneyMovement>();
        foreach (var payment in payments)
        {
            if (payment.Capture is { } capture)
            {
                movements.Add(new MoneyMovement(capture, payment.Captured!, true, payment, null));
            }
            movements.AddRange(data.RefundsOf(payment).Select(r => new MoneyMovement(r.Event, r.Amount, false, payment, r)));
        }
        foreach (var e in request.Events)
        {
            if (e.Data is PaymentConfirmed c && !ids.Contains(c.PaymentReference))
            {
                movements.Add(new MoneyMovement(e, c.Amount, true, null, null));
            }
        }
        return new MoneyTrail([.. movements.OrderBy(m => m.At).ThenBy(m => m.Event.Sequence)]);
    }

    /// <summary>The movements up to an instant (inclusive).</summary>
    public IEnumerable<MoneyMovement> Until(DateTimeOffset instant) => Movements.Where(m => m.At <= instant);

    /// <summary>Money kept for the request at an instant: in minus out, in one currency (other currencies are not this fee's money).</summary>
    public decimal KeptAt(DateTimeOffset instant, string currency) =>
        Until(instant).Where(m => m.Amount.Currency == currency).Sum(m => m.Net);

    /// <summary>Money kept right after a movement (those before it in time, and it).</summary>
    public decimal KeptAfter(MoneyMovement movement, string currency) =>
        Movements.TakeWhile(m => !ReferenceEquals(m, movement)).Append(movement).Where(m => m.Amount.Currency == currency).Sum(m => m.Net);
}
