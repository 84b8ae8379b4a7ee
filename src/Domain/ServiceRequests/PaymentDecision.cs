using MyGovernment.Domain.Catalog;
using MyGovernment.Domain.Common;

namespace MyGovernment.Domain.ServiceRequests;

public static class PaymentDecision
{
    /// <summary>
    /// Records money confirmed for the request. The payment that completes the fee makes the request eligible for
    /// review. The same payment reference twice changes nothing (deliveries repeat).
    /// </summary>
    public static IReadOnlyList<object> ConfirmPayment(
        ServiceRequest request, string paymentReference, Money amount, Actor by, DateTimeOffset now, WorkingCalendar calendar)
    {
        if (request.PaymentReferences?.Contains(paymentReference) == true)
        {
            return [];
        }
        Guard.NotFinal(request);
        if (!request.IsPaid || request.Fee is null || request.Paid is null)
        {
            throw Guard.Rule("no_fee_due", "This request has no fee to pay.");
        }
        if (amount.Amount <= 0 || amount.Currency != request.Fee.Currency)
        {
            throw Guard.Rule("payment_amount_invalid", $"A payment must be a positive amount in {request.Fee.Currency}.");
        }

        var totalPaid = request.Paid.Add(amount);
        var events = new List<object> { new PaymentConfirmed(request.Id, paymentReference, amount, totalPaid, by, now) };
        if (request.Status == ServiceRequestStatus.AwaitingPayment && totalPaid.Amount >= request.Fee.Amount)
        {
            events.AddRange(Eligibility.EnterFirstStep(request.Id, request.WorkflowDepartments[0], request.SlaWorkingDays, now, calendar));
        }
        return events;
    }
}
