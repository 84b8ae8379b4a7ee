using MyGovernment.Web.Shared;

namespace MyGovernment.Web.Pages.Audit;

/// <summary>The auditor and oversight pages' words, Arabic first.</summary>
public sealed class AuditText(Language l)
{
    private string Pick(string arabic, string english) => l.T(english, arabic);

    public string HomeTitle => Pick("التدقيق", "Audit");
    public string RequestTitle => Pick("تدقيق طلب", "Audit of a request");
    public string PaymentTitle => Pick("تدقيق دفعة", "Audit of a payment");
    public string StreamTitle => Pick("الأحداث المخزنة", "Stored events");
    public string VerifyTitle => Pick("التحقق من سجل الأحداث", "Event log verification");
    public string ReportsTitle => Pick("تقارير النزاهة", "Integrity reports");
    public string FindRequest => Pick("فتح طلب بمعرّفه", "Open a request by its id");
    public string FindPayment => Pick("فتح دفعة بمعرّفها", "Open a payment by its id");
    public string Id => Pick("المعرّف", "Id");
    public string Open => Pick("فتح", "Open");
    public string Replay => Pick("إعادة التشغيل إلى لحظة", "Replay to a point");
    public string ReplayIntro => Pick(
        "الحالة كما كانت عند إصدار معيّن أو في وقت معيّن، مبنية من جديد من الأحداث.",
        "The state as it was at a version or a time, rebuilt from the events.");
    public string AsOfVersion => Pick("حتى الإصدار", "As of version");
    public string AsOfTime => Pick("حتى الوقت (بتوقيت فلسطين)", "As of time (Palestine time)");
    public string Show => Pick("عرض", "Show");
    public string StateAsOf => Pick("الحالة عند", "State as of");
    public string ReplayThis => Pick("الحالة عند هذا الإصدار", "State at this version");
    public string NothingYet => Pick("لم يكن موجوداً بعد في تلك اللحظة.", "It did not exist yet at that point.");
    public string Sequence => Pick("التسلسل", "Sequence");
    public string Type => Pick("النوع", "Type");
    public string Stream => Pick("السلسلة", "Stream");
    public string Result => Pick("النتيجة", "Result");
    public string Intact => Pick("السجل سليم: لم يُعدَّل أي حدث أو يُحذف أو يُدرج أو يُعد ترتيبه.", "The log is intact: no event was modified, deleted, inserted or reordered.");
    public string NotIntact => Pick("السجل غير سليم: انظر النتائج أدناه.", "The log is NOT intact: see the findings below.");
    public string EventsChecked => Pick("الأحداث المفحوصة", "Events checked");
    public string SealedLeaves => Pick("الأحداث المختومة", "Sealed events");
    public string UnsealedEvents => Pick("أحداث لم تُختم بعد", "Events not sealed yet");
    public string CurrentRoot => Pick("الجذر الحالي", "Current root");
    public string Findings => Pick("النتائج", "Findings");
    public string NoFindings => Pick("لا نتائج.", "No findings.");
    public string Kind => Pick("النوع", "Kind");
    public string Detail => Pick("التفصيل", "Detail");
    public string Checkpoints => Pick("نقاط التحقق الموقّعة", "Signed checkpoints");
    public string TreeSize => Pick("عدد الأحداث", "Tree size");
    public string Time => Pick("الوقت", "Time");
    public string SignatureValid => Pick("التوقيع صحيح", "Signature valid");
    public string MatchesEvents => Pick("يطابق الأحداث", "Matches the events");
    public string Yes => Pick("نعم", "yes");
    public string No => Pick("لا", "no");
    public string Report => Pick("التقرير", "Report");
    public string Run => Pick("تشغيل التقرير", "Run the report");
    public string From => Pick("من (بتوقيت فلسطين)", "From (Palestine time)");
    public string To => Pick("إلى (بتوقيت فلسطين)", "To (Palestine time)");
    public string Department => Pick("القسم", "Department");
    public string Service => Pick("الخدمة", "Service");
    public string Officer => Pick("الموظف", "Officer");
    public string Rule => Pick("القاعدة", "Rule");
    public string Summary => Pick("الملخص", "Summary");
    public string Evidence => Pick("الدليل", "Evidence");
    public string Request => Pick("الطلب", "Request");
    public string Count => Pick("عدد النتائج", "Findings");
    public string DownloadCsv => Pick("تنزيل النتائج (CSV)", "Download the findings (CSV)");
    public string AsOf => Pick("محسوب حتى", "Computed as of");
    public string Definition => Pick("التعريف", "Definition");
}
