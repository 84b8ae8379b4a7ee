using Marten;
using MyGovernment.Domain.Payments.Refunds;
using MyGovernment.Projections.Payments;
using MyGovernment.Projections.ServiceRequests;

namespace MyGovernment.Application.Notifications;

/// <summary>A resolved recipient: the request the notice is about, who gets it, and the intent completed with looked-up values.</summary>
public sealed record ResolvedRecipient(Guid RequestId, string RecipientId, NotificationIntent Intent);

/// <summary>
/// Finds who an intent is for in the inline read models (the request's applicant and holder; a refund's request).
/// Staff and department recipients are prefixed so they never collide with a citizen's applicant id.
/// </summary>
public static class NotificationRecipients
{
    public static string Staff(string subject) => "staff:" + subject;

    public static string Supervisors(string department) => "supervisors:" + department.ToUpperInvariant();

    public static async Task<ResolvedRecipient?> ResolveAsync(IQuerySession session, NotificationIntent intent, object data, CancellationToken ct)
    {
        if (data is RefundApproved refund)
        {
            var details = await session.LoadAsync<RefundDetails>(refund.RefundId, ct);
            var payment = details is null ? null : await session.LoadAsync<PaymentDetails>(details.PaymentId, ct);
            if (payment is null)
            {
                return null;
            }
            intent = intent with { RequestId = payment.RequestId, Amount = NotificationRules.Format(details!.Amount) };
        }

        var request = await session.LoadAsync<ServiceRequestDetails>(intent.RequestId, ct);
        if (request is null)
        {
            return null;
        }
        var recipient = intent.Audience switch
        {
            Audience.Applicant => request.ApplicantId,
            Audience.Assignee => request.AssignedTo is { } officer ? Staff(officer) : null,
            _ => Supervisors(intent.Department ?? request.CurrentDepartment ?? ""),
        };
        return recipient is null ? null : new ResolvedRecipient(intent.RequestId, recipient, intent);
    }
}
