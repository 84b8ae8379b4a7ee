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

    /// <summary>
    /// Resolves a page of intents with one read per kind of row (refunds, their payments, requests) instead of one
    /// or more round trips per notice: the daemon runs this for every decision. Null where nobody can be found.
    /// </summary>
    public static async Task<IReadOnlyList<ResolvedRecipient?>> ResolveAllAsync(
        IQuerySession session, IReadOnlyList<(NotificationIntent Intent, object Data)> wanted, CancellationToken ct)
    {
        var intents = wanted.Select(w => (NotificationIntent?)w.Intent).ToArray();
        var refundIds = wanted.Select(w => w.Data).OfType<RefundApproved>().Select(r => r.RefundId).Distinct().ToArray();
        if (refundIds.Length > 0)
        {
            var refunds = (await session.LoadManyAsync<RefundDetails>(ct, refundIds)).ToDictionary(r => r.Id);
            var payments = (await session.LoadManyAsync<PaymentDetails>(ct, refunds.Values.Select(r => r.PaymentId).Distinct().ToArray()))
                .ToDictionary(p => p.Id);
            for (var i = 0; i < wanted.Count; i++)
            {
                if (wanted[i].Data is RefundApproved refund)
                {
                    intents[i] = refunds.TryGetValue(refund.RefundId, out var details) && payments.TryGetValue(details.PaymentId, out var payment)
                        ? wanted[i].Intent with { RequestId = payment.RequestId, Amount = NotificationRules.Format(details.Amount) }
                        : null;
                }
            }
        }

        var requestIds = intents.OfType<NotificationIntent>().Select(i => i.RequestId).Distinct().ToArray();
        var requests = requestIds.Length == 0
            ? new Dictionary<Guid, ServiceRequestDetails>()
            : (await session.LoadManyAsync<ServiceRequestDetails>(ct, requestIds)).ToDictionary(r => r.Id);
        return intents.Select(intent => intent is not null && requests.TryGetValue(intent.RequestId, out var request) ? For(intent, request) : null).ToList();
    }

    private static ResolvedRecipient? For(NotificationIntent intent, ServiceRequestDetails request)
    {
        var recipient = intent.Audience switch
        {
            Audience.Applicant => request.ApplicantId,
            Audience.Assignee => request.AssignedTo is { } officer ? Staff(officer) : null,
            _ => Supervisors(intent.Department ?? request.CurrentDepartment ?? ""),
        };
        return recipient is null ? null : new ResolvedRecipient(intent.RequestId, recipient, intent);
    }
}
