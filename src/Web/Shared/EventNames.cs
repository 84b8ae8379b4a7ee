namespace MyGovernment.Web.Shared;

/// <summary>
/// Timeline entries in the reader's language. The engine sends snake_case names ("fee_assessed"); they are matched
/// without underscores and case, so either spelling finds its text. An unknown name is shown as sent.
/// </summary>
public static class EventNames
{
    private static readonly Dictionary<string, (string En, string Ar)> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ServiceRequestSubmitted"] = ("Request submitted", "قُدِّم الطلب"),
        ["PotentialDuplicateFlagged"] = ("Flagged as a possible duplicate", "أُشير إليه كطلب مكرر محتمل"),
        ["FeeAssessed"] = ("Fee assessed", "حُدِّدت الرسوم"),
        ["PaymentConfirmed"] = ("Payment confirmed", "تأكد الدفع"),
        ["StepEntered"] = ("Reached a department", "وصل إلى دائرة"),
        ["SlaClockStarted"] = ("Processing time started", "بدأ احتساب مدة المعالجة"),
        ["RequestAssigned"] = ("Assigned to an officer", "أُسند إلى موظف"),
        ["InformationRequested"] = ("Information requested from you", "طُلبت منك معلومات"),
        ["ApplicantResponded"] = ("You answered", "أجبتَ"),
        ["RequestReferred"] = ("Referred to another department", "أُحيل إلى دائرة أخرى"),
        ["ReferralReturned"] = ("Returned from referral", "عاد من الإحالة"),
        ["StepCompleted"] = ("Step completed", "اكتملت مرحلة"),
        ["DecisionProposed"] = ("Decision proposed", "اقتُرح قرار"),
        ["DecisionReturned"] = ("Decision returned for review", "أُعيد القرار للمراجعة"),
        ["RequestApproved"] = ("Approved", "قُبل الطلب"),
        ["RequestRejected"] = ("Rejected", "رُفض الطلب"),
        ["DocumentIssued"] = ("Document issued", "صدرت الوثيقة"),
        ["RequestWithdrawn"] = ("Withdrawn", "سُحب الطلب"),
        ["RequestAbandoned"] = ("Abandoned", "تُرك الطلب"),
        ["RequestClosed"] = ("Closed", "أُغلق الطلب"),
        ["RequestReopened"] = ("Reopened", "أُعيد فتح الطلب"),
        ["RequestMarkedOverdue"] = ("Overdue", "تأخر الطلب"),
        ["RequestEscalated"] = ("Escalated to a supervisor", "صُعِّد إلى مشرف"),
        ["DocumentRevoked"] = ("Document revoked", "أُلغيت الوثيقة"),
        ["DocumentsRequired"] = ("Documents required", "طُلبت وثائق"),
        ["DocumentsAttached"] = ("Documents attached", "أُرفقت الوثائق"),
        ["IssuedDocumentReferenced"] = ("Government document referenced", "أُشير إلى وثيقة حكومية"),
        ["ReferencedDocumentRevoked"] = ("A referenced document was revoked", "أُلغيت وثيقة مشار إليها"),
    };

    public static string Of(string? name, Language l) =>
        name is not null && Names.TryGetValue(name.Replace("_", "", StringComparison.Ordinal), out var text) ? l.T(text.En, text.Ar) : name ?? "";
}
