namespace MyGovernment.Application.Notifications;

/// <summary>The values a template may show: a reference number, an amount, a number of days, a department code. Nothing personal.</summary>
public sealed record TemplateValues(string Reference, string? Amount = null, int? Days = null, string? Department = null);

/// <summary>
/// One short text per kind and language, written to fit one SMS segment with realistic values (70 UCS-2 characters in
/// Arabic, 160 GSM-7 in English; NotificationTemplateTests counts them). The link goes to the inbox and email only.
/// </summary>
public static class NotificationTemplates
{
    public static string Render(NotificationKind kind, string language, TemplateValues v) => language == "en" ? English(kind, v) : Arabic(kind, v);

    private static string Arabic(NotificationKind kind, TemplateValues v) => kind switch
    {
        NotificationKind.FeeDue => $"طلبك {v.Reference}: رسوم مستحقة {v.Amount}. ادفعها عبر حكومتي",
        NotificationKind.InformationRequested => $"طلبك {v.Reference}: مطلوب منك معلومات إضافية. راجع حكومتي",
        NotificationKind.Approved => $"تمت الموافقة على طلبك {v.Reference}.",
        NotificationKind.Rejected => $"رُفض طلبك {v.Reference}. السبب وحق الاعتراض في حكومتي",
        NotificationKind.DocumentIssued => $"صدرت وثيقة طلبك {v.Reference}. حمّلها من حكومتي",
        NotificationKind.PaymentReceived => $"استلمنا دفعة {v.Amount} لطلبك {v.Reference}. شكراً",
        NotificationKind.RefundDecided => $"تقرر رد {v.Amount} عن طلبك {v.Reference}.",
        NotificationKind.AbandonmentSoon => $"طلبك {v.Reference} سيُلغى بعد {v.Days} أيام إن لم تستكمله",
        NotificationKind.Escalated => $"تصعيد: الطلب {v.Reference} تجاوز موعده في {v.Department}",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static string English(NotificationKind kind, TemplateValues v) => kind switch
    {
        NotificationKind.FeeDue => $"Request {v.Reference}: a fee of {v.Amount} is due. Pay it on My Government.",
        NotificationKind.InformationRequested => $"Request {v.Reference}: an officer needs more information from you. See My Government.",
        NotificationKind.Approved => $"Your request {v.Reference} was approved.",
        NotificationKind.Rejected => $"Your request {v.Reference} was rejected. The reason and how to appeal are on My Government.",
        NotificationKind.DocumentIssued => $"The document for request {v.Reference} was issued. Download it from My Government.",
        NotificationKind.PaymentReceived => $"We received {v.Amount} for request {v.Reference}. Thank you.",
        NotificationKind.RefundDecided => $"A refund of {v.Amount} for request {v.Reference} was approved.",
        NotificationKind.AbandonmentSoon => $"Request {v.Reference} will be abandoned in {v.Days} days unless you complete it.",
        NotificationKind.Escalated => $"Escalation: request {v.Reference} is past its due date at {v.Department}.",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
