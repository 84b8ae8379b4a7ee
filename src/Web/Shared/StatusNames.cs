using MyGovernment.Client.Models;

namespace MyGovernment.Web.Shared;

/// <summary>Request and payment statuses in the reader's language (the engine sends stable English codes).</summary>
public static class StatusNames
{
    public static string Of(ServiceRequestStatus? status, Language l) => status switch
    {
        ServiceRequestStatus.Submitted => l.T("Submitted", "مُقدَّم"),
        ServiceRequestStatus.AwaitingPayment => l.T("Awaiting payment", "بانتظار الدفع"),
        ServiceRequestStatus.InReview => l.T("In review", "قيد الدراسة"),
        ServiceRequestStatus.AwaitingApplicant => l.T("Waiting for you", "بانتظار ردّك"),
        ServiceRequestStatus.Referred => l.T("Referred to another department", "محال إلى دائرة أخرى"),
        ServiceRequestStatus.AwaitingApproval => l.T("Awaiting approval", "بانتظار الاعتماد"),
        ServiceRequestStatus.Approved => l.T("Approved", "مقبول"),
        ServiceRequestStatus.Issued => l.T("Issued", "صدرت الوثيقة"),
        ServiceRequestStatus.Rejected => l.T("Rejected", "مرفوض"),
        ServiceRequestStatus.Withdrawn => l.T("Withdrawn", "مسحوب"),
        ServiceRequestStatus.Abandoned => l.T("Abandoned", "متروك"),
        ServiceRequestStatus.Closed => l.T("Closed", "مغلق"),
        ServiceRequestStatus.Reopened => l.T("Reopened", "أعيد فتحه"),
        _ => "—",
    };

    public static string Of(PaymentStatus? status, Language l) => status switch
    {
        PaymentStatus.Created or PaymentStatus.Started => l.T("Waiting for the payment", "بانتظار الدفع"),
        PaymentStatus.Authorised => l.T("Authorised, being confirmed", "مُفوَّض، قيد التأكيد"),
        PaymentStatus.Succeeded or PaymentStatus.Settled or PaymentStatus.Reconciled => l.T("Paid", "مدفوع"),
        PaymentStatus.Failed => l.T("Failed", "فشل الدفع"),
        PaymentStatus.Cancelled => l.T("Cancelled", "أُلغي"),
        PaymentStatus.Expired => l.T("Expired", "انتهت صلاحيته"),
        PaymentStatus.Error or PaymentStatus.StatusUnknown => l.T("Being checked with the bank", "قيد التحقق مع البنك"),
        _ => "—",
    };

    /// <summary>A payment whose outcome is known: the return page stops refreshing.</summary>
    public static bool IsFinal(PaymentStatus? status) => status is PaymentStatus.Succeeded or PaymentStatus.Settled
        or PaymentStatus.Reconciled or PaymentStatus.Failed or PaymentStatus.Cancelled or PaymentStatus.Expired;

    public static bool IsPaid(PaymentStatus? status) =>
        status is PaymentStatus.Succeeded or PaymentStatus.Settled or PaymentStatus.Reconciled;
}
