using MyGovernment.Client.Models;
using MyGovernment.Web.Shared;

namespace MyGovernment.Web.Pages.Finance;

/// <summary>The finance pages' words, Arabic first.</summary>
public sealed class FinanceText(Language l)
{
    private string Pick(string arabic, string english) => l.T(english, arabic);

    public string PaymentsTitle => Pick("المدفوعات", "Payments");
    public string PaymentTitle => Pick("الدفعة", "Payment");
    public string RefundTitle => Pick("طلب الاسترداد", "Refund");
    public string ReconciliationsTitle => Pick("التسويات", "Settlements");
    public string ReconciliationTitle => Pick("تسوية كشف", "Settlement statement");
    public string BackToPayments => Pick("العودة إلى المدفوعات", "Back to payments");
    public string Payment => Pick("الدفعة", "Payment");
    public string Request => Pick("الطلب", "Request");
    public string Department => Pick("القسم", "Department");
    public string Amount => Pick("المبلغ", "Amount");
    public string Channel => Pick("الوسيلة", "Channel");
    public string Status => Pick("الحالة", "Status");
    public string Captured => Pick("المُحصَّل", "Captured");
    public string CapturedAt => Pick("وقت التحصيل", "Captured at");
    public string Refunded => Pick("المُسترد", "Refunded");
    public string RefundPending => Pick("قيد الاسترداد", "Refund pending");
    public string Refundable => Pick("القابل للاسترداد", "Refundable");
    public string NeedsReconciliation => Pick("يحتاج تسوية", "Needs reconciliation");
    public string NeedsReconciliationOnly => Pick("ما يحتاج تسوية فقط", "Needing reconciliation only");
    public string Breaks => Pick("فروقات", "Breaks");
    public string AnyStatus => Pick("كل الحالات", "Any status");
    public string Filter => Pick("تصفية", "Filter");
    public string Next => Pick("الصفحة التالية", "Next page");
    public string Empty => Pick("لا شيء هنا.", "Nothing here.");
    public string Yes => Pick("نعم", "yes");
    public string No => Pick("لا", "no");
    public string Refunds => Pick("طلبات الاسترداد", "Refunds");
    public string RequestRefund => Pick("طلب استرداد", "Request a refund");
    public string RefundReason => Pick("سبب الاسترداد", "Reason for the refund");
    public string RefundAmount => Pick("مبلغ الاسترداد", "Amount to refund");
    public string RequestedBy => Pick("طلبه", "Requested by");
    public string RequestedAt => Pick("وقت الطلب", "Requested at");
    public string ApprovedBy => Pick("وافق عليه", "Approved by");
    public string Reason => Pick("السبب", "Reason");
    public string Approve => Pick("الموافقة على الاسترداد", "Approve the refund");
    public string ProviderRefund => Pick("مرجع الاسترداد لدى المزوّد", "Provider's refund reference");
    public string Failure => Pick("سبب الفشل", "Failure");
    public string WhoMayApprove => Pick(
        "يوافق على الاسترداد موظف مالية غير الذي طلبه (مبدأ الفصل بين المهام).",
        "A finance officer other than the one who asked approves the refund (separation of duties).");
    public string YouAsked => Pick(
        "أنت من طلب هذا الاسترداد، فلا يمكنك الموافقة عليه: يوافق عليه زميل آخر.",
        "You asked for this refund, so you cannot approve it: a colleague approves it.");
    public string Upload => Pick("رفع كشف التسوية", "Upload a settlement statement");
    public string StatementDate => Pick("تاريخ الكشف", "Statement date");
    public string StatementFile => Pick("ملف الكشف (CSV)", "Statement file (CSV)");
    public string Send => Pick("رفع ومطابقة", "Upload and reconcile");
    public string Provider => Pick("المزوّد", "Provider");
    public string Lines => Pick("الأسطر", "Lines");
    public string Gross => Pick("الإجمالي", "Gross");
    public string Fees => Pick("العمولات", "Fees");
    public string Net => Pick("الصافي", "Net");
    public string ImportedBy => Pick("رفعه", "Imported by");
    public string ImportedAt => Pick("وقت الرفع", "Imported at");
    public string Category => Pick("الفئة", "Category");
    public string Rule => Pick("القاعدة", "Rule");
    public string Line => Pick("السطر", "Line");
    public string ProviderReference => Pick("مرجع المزوّد", "Provider reference");
    public string StatementAmount => Pick("المبلغ في الكشف", "Statement amount");
    public string SystemAmount => Pick("المبلغ في النظام", "System amount");
    public string AllCategories => Pick("كل الفئات", "All categories");
    public string DownloadCsv => Pick("تنزيل البنود (CSV)", "Download the items (CSV)");
    public string NoFile => Pick("اختر ملف الكشف.", "Choose the statement file.");

    public string DoneMessage(string done) => done switch
    {
        "requested" => Pick("سُجّل طلب الاسترداد، وينتظر موافقة موظف مالية آخر.", "The refund was requested; another finance officer approves it."),
        "approved" => Pick("تمت الموافقة على الاسترداد.", "The refund was approved."),
        "imported" => Pick("رُفع الكشف وطوبق.", "The statement was uploaded and reconciled."),
        _ => Pick("تم.", "Done."),
    };

    public string PaymentStatusName(PaymentStatus? status) => status switch
    {
        PaymentStatus.Created => Pick("أُنشئت", "Created"),
        PaymentStatus.Started => Pick("بدأت", "Started"),
        PaymentStatus.Authorised => Pick("مُفوَّضة", "Authorised"),
        PaymentStatus.Succeeded => Pick("ناجحة", "Succeeded"),
        PaymentStatus.Failed => Pick("فشلت", "Failed"),
        PaymentStatus.Cancelled => Pick("أُلغيت", "Cancelled"),
        PaymentStatus.Expired => Pick("انتهت مهلتها", "Expired"),
        PaymentStatus.Error => Pick("خطأ", "Error"),
        PaymentStatus.StatusUnknown => Pick("حالتها غير معروفة", "Status unknown"),
        PaymentStatus.Settled => Pick("مُسوّاة", "Settled"),
        PaymentStatus.Reconciled => Pick("مُطابَقة", "Reconciled"),
        _ => "—",
    };

    public string ChannelName(PaymentChannel? channel) => channel switch
    {
        PaymentChannel.Card => Pick("بطاقة", "Card"),
        PaymentChannel.Cash => Pick("نقداً", "Cash"),
        PaymentChannel.Wallet => Pick("محفظة إلكترونية", "E-wallet"),
        _ => "—",
    };

    public string RefundStatusName(RefundStatus? status) => status switch
    {
        RefundStatus.Requested => Pick("بانتظار الموافقة", "Awaiting approval"),
        RefundStatus.Approved => Pick("موافق عليه", "Approved"),
        RefundStatus.Submitted => Pick("أُرسل إلى المزوّد", "Sent to the provider"),
        RefundStatus.Succeeded => Pick("تم الاسترداد", "Refunded"),
        RefundStatus.Failed => Pick("فشل", "Failed"),
        _ => "—",
    };

    public string CategoryName(ReconciliationCategory? category) => category switch
    {
        ReconciliationCategory.Matched => Pick("مطابق", "Matched"),
        ReconciliationCategory.AmountMismatch => Pick("اختلاف في المبلغ", "Amount mismatch"),
        ReconciliationCategory.MissingInStatement => Pick("غير موجود في الكشف", "Missing in the statement"),
        ReconciliationCategory.MissingInSystem => Pick("غير موجود في النظام", "Missing in the system"),
        ReconciliationCategory.Duplicate => Pick("مكرر", "Duplicate"),
        _ => "—",
    };
}
