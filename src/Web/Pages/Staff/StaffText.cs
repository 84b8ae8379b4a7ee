using MyGovernment.Client.Models;
using MyGovernment.Web.Shared;

namespace MyGovernment.Web.Pages.Staff;

/// <summary>The officer and supervisor pages' words, Arabic first. Kept beside the pages that use them.</summary>
public sealed class StaffText(Language l)
{
    private string Pick(string arabic, string english) => l.T(english, arabic);

    public string QueueTitle => Pick("طابور القسم", "Department queue");
    public string QueueIntro => Pick("الطلبات بترتيب وصولها: الأقدم أولاً.", "Requests in the order they arrived: oldest first.");
    public string WorkloadTitle => Pick("عبء العمل في القسم", "Department workload");
    public string RequestTitle => Pick("الطلب", "Request");
    public string BackToQueue => Pick("العودة إلى الطابور", "Back to the queue");
    public string Refused => Pick("لم يُقبل الإجراء", "The action was refused");
    public string ErrorCode => Pick("رمز الخطأ", "Error code");
    public string Timeline => Pick("سجل الطلب", "History");
    public string Version => Pick("الإصدار", "Version");
    public string When => Pick("الوقت", "When");
    public string Event => Pick("الحدث", "Event");
    public string Actor => Pick("من قام به", "By");
    public string Details => Pick("تفاصيل", "Details");
    public string Service => Pick("الخدمة", "Service");
    public string Status => Pick("الحالة", "Status");
    public string Flags => Pick("تنبيهات", "Flags");
    public string Department => Pick("القسم", "Department");
    public string Step => Pick("الخطوة", "Step");
    public string AssignedTo => Pick("المسؤول عنه", "Assigned to");
    public string Nobody => Pick("لا أحد", "nobody");
    public string QueuedAt => Pick("دخل الطابور", "Queued at");
    public string SlaDue => Pick("موعد الإنجاز", "Due by");
    public string Overdue => Pick("متأخر", "Overdue");
    public string OverdueOnly => Pick("المتأخرة فقط", "Overdue only");
    public string UnassignedOnly => Pick("غير المُسندة فقط", "Unassigned only");
    public string AwaitingApprovalOnly => Pick("بانتظار اعتماد المشرف فقط", "Awaiting a supervisor only");
    public string Filter => Pick("تصفية", "Filter");
    public string Next => Pick("الصفحة التالية", "Next page");
    public string Empty => Pick("لا توجد طلبات.", "No requests.");
    public string Fee => Pick("الرسوم", "Fee");
    public string Paid => Pick("المدفوع", "Paid");
    public string Awaited => Pick("بانتظار مقدم الطلب", "Awaited from the applicant");
    public string Proposal => Pick("القرار المقترح", "Proposed decision");
    public string Decision => Pick("القرار", "Decision");
    public string VerificationCode => Pick("رمز التحقق", "Verification code");
    public string Actions => Pick("الإجراءات", "Actions");
    public string Claim => Pick("استلام الطلب", "Claim");
    public string Issue => Pick("إصدار الوثيقة", "Issue the document");
    public string Complete => Pick("إنهاء هذه الخطوة", "Complete this step");
    public string Propose => Pick("اقتراح قرار", "Propose a decision");
    public string Decide => Pick("اتخاذ القرار", "Decide");
    public string Outcome => Pick("القرار", "Outcome");
    public string Approve => Pick("موافقة", "Approve");
    public string Reject => Pick("رفض", "Reject");
    public string ReasonCode => Pick("رمز السبب (عند الرفض)", "Reason code (when rejecting)");
    public string Note => Pick("ملاحظة", "Note");
    public string Confirm => Pick("تأكيد القرار", "Confirm the decision");
    public string Return => Pick("إعادة القرار للمراجعة", "Return the decision to review");
    public string Reason => Pick("السبب", "Reason");
    public string Inform => Pick("طلب معلومات من مقدم الطلب", "Ask the applicant for information");
    public string MessageToApplicant => Pick("الرسالة إلى مقدم الطلب", "Message to the applicant");
    public string Refer => Pick("إحالة إلى قسم آخر", "Refer to another department");
    public string ToDepartment => Pick("القسم المحال إليه", "To department");
    public string Assign => Pick("إسناد إلى موظف", "Assign to an officer");
    public string Officer => Pick("الموظف", "Officer");
    public string Open => Pick("مفتوحة", "Open");
    public string Unassigned => Pick("غير مُسندة", "Unassigned");
    public string OldestWaiting => Pick("أقدم طلب ينتظر منذ", "Oldest waiting since");
    public string Decided => Pick("طلبات بُتّ فيها", "Decided");
    public string DecidedWithinSla => Pick("بُتّ فيها ضمن المدة", "Decided within the time limit");
    public string Officers => Pick("الموظفون", "Officers");
    public string NoDepartment => Pick("حسابك غير مرتبط بقسم.", "Your account belongs to no department.");

    public string DoneMessage(string done) => done switch
    {
        "claimed" => Pick("استلمت الطلب.", "You claimed the request."),
        "information-requested" => Pick("أُرسل طلب المعلومات إلى مقدم الطلب.", "The applicant was asked for information."),
        "step-completed" => Pick("انتهت الخطوة وانتقل الطلب إلى الخطوة التالية.", "The step is complete; the request moved on."),
        "referred" => Pick("أُحيل الطلب.", "The request was referred."),
        "decided" => Pick("سُجّل القرار.", "The decision was recorded."),
        "confirmed" => Pick("تأكد القرار.", "The decision was confirmed."),
        "returned" => Pick("أُعيد القرار إلى المراجعة.", "The decision was returned to review."),
        "assigned" => Pick("أُسند الطلب.", "The request was assigned."),
        "issued" => Pick("صدرت الوثيقة.", "The document was issued."),
        _ => Pick("تم.", "Done."),
    };

    public string StatusName(ServiceRequestStatus? status) => status switch
    {
        ServiceRequestStatus.Submitted => Pick("مُقدَّم", "Submitted"),
        ServiceRequestStatus.AwaitingPayment => Pick("بانتظار الدفع", "Awaiting payment"),
        ServiceRequestStatus.InReview => Pick("قيد المراجعة", "In review"),
        ServiceRequestStatus.AwaitingApplicant => Pick("بانتظار مقدم الطلب", "Awaiting the applicant"),
        ServiceRequestStatus.Referred => Pick("مُحال", "Referred"),
        ServiceRequestStatus.AwaitingApproval => Pick("بانتظار اعتماد المشرف", "Awaiting a supervisor"),
        ServiceRequestStatus.Approved => Pick("مقبول", "Approved"),
        ServiceRequestStatus.Issued => Pick("صدرت الوثيقة", "Issued"),
        ServiceRequestStatus.Rejected => Pick("مرفوض", "Rejected"),
        ServiceRequestStatus.Withdrawn => Pick("مسحوب", "Withdrawn"),
        ServiceRequestStatus.Abandoned => Pick("متروك", "Abandoned"),
        ServiceRequestStatus.Closed => Pick("مغلق", "Closed"),
        ServiceRequestStatus.Reopened => Pick("أعيد فتحه", "Reopened"),
        _ => "—",
    };

    public string OutcomeName(DecisionOutcome? outcome) => outcome switch
    {
        DecisionOutcome.Approve => Approve,
        DecisionOutcome.Reject => Reject,
        _ => "—",
    };

    /// <summary>The flags as the engine writes them ("Overdue, Escalated"), each in the reader's language.</summary>
    public string FlagNames(string? flags)
    {
        var names = (flags ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Where(f => f != "None")
            .Select(f => f switch
            {
                "Overdue" => Overdue,
                "Escalated" => Pick("مُصعَّد", "Escalated"),
                "PotentialDuplicate" => Pick("قد يكون مكرراً", "Possible duplicate"),
                "Disputed" => Pick("مُعترض عليه", "Disputed"),
                "Revoked" => Pick("وثيقة ملغاة", "Revoked"),
                "ReliesOnRevokedDocument" => Pick("يعتمد على وثيقة ملغاة", "Relies on a revoked document"),
                _ => f,
            })
            .ToList();
        return names.Count == 0 ? "—" : string.Join("، ", names);
    }

    public string Role(string role) => role switch
    {
        "citizen" => Pick("مواطن", "citizen"),
        "officer" => Pick("موظف", "officer"),
        "supervisor" => Pick("مشرف", "supervisor"),
        "finance" => Pick("المالية", "finance"),
        "auditor" => Pick("مدقق", "auditor"),
        "oversight" => Pick("رقابة", "oversight"),
        "admin" => Pick("مدير النظام", "admin"),
        "system" => Pick("النظام", "system"),
        _ => role,
    };
}
