using MyGovernment.Domain.Common;
using MyGovernment.Domain.Payments.Refunds;
using MyGovernment.Domain.ServiceRequests;

namespace MyGovernment.Application.Notifications;

/// <summary>Who a notice is for, relative to the request: its applicant, the officer holding it, or its department's supervisors.</summary>
public enum Audience
{
    Applicant,
    Assignee,
    Supervisors,
}

/// <param name="RequestId">Empty when the event names no request (a refund): the subscription looks it up.</param>
/// <param name="At">Business time of the event: quiet hours and the notice's date come from it, never from the clock.</param>
public sealed record NotificationIntent(
    NotificationKind Kind, Guid RequestId, Audience Audience, DateTimeOffset At, string? Amount = null, string? Department = null, int? Days = null);

/// <summary>Which events need someone's attention, and whose. Pure: the same event always gives the same intents.</summary>
public static class NotificationRules
{
    public static readonly IReadOnlyList<Type> EventTypes =
    [
        typeof(FeeAssessed), typeof(InformationRequested), typeof(RequestApproved), typeof(RequestRejected), typeof(DocumentIssued),
        typeof(PaymentConfirmed), typeof(RefundApproved), typeof(RequestEscalated),
    ];

    public static IReadOnlyList<NotificationIntent> For(object data) => data switch
    {
        FeeAssessed e when e.Total.Amount > 0 => [new(NotificationKind.FeeDue, e.RequestId, Audience.Applicant, e.AssessedAt, Format(e.Total))],
        InformationRequested e => [new(NotificationKind.InformationRequested, e.RequestId, Audience.Applicant, e.At)],
        RequestApproved e => [new(NotificationKind.Approved, e.RequestId, Audience.Applicant, e.At)],
        RequestRejected e => [new(NotificationKind.Rejected, e.RequestId, Audience.Applicant, e.At)],
        DocumentIssued e => [new(NotificationKind.DocumentIssued, e.RequestId, Audience.Applicant, e.At)],
        PaymentConfirmed e => [new(NotificationKind.PaymentReceived, e.RequestId, Audience.Applicant, e.At, Format(e.Amount))],
        RefundApproved e => [new(NotificationKind.RefundDecided, Guid.Empty, Audience.Applicant, e.At)],
        RequestEscalated e =>
        [
            new(NotificationKind.Escalated, e.RequestId, Audience.Assignee, e.At, Department: e.DepartmentCode),
            new(NotificationKind.Escalated, e.RequestId, Audience.Supervisors, e.At, Department: e.DepartmentCode),
        ],
        _ => [],
    };

    /// <summary>Derived from the event and what it says, so a replay of the subscription computes the same id and finds the notice.</summary>
    public static Guid IdFor(Guid eventId, NotificationIntent intent) =>
        NameBasedId.For("notification", $"{eventId:N}:{intent.Kind}:{intent.Audience}");

    public static string Format(Money money) => $"{money.Amount:0.00} {money.Currency}";

    /// <summary>The reference a citizen quotes: short, and no personal data.</summary>
    public static string Reference(Guid requestId) => requestId.ToString("N")[..8].ToUpperInvariant();
}
