using MyGovernment.Domain.Catalog;
using MyGovernment.Domain.Common;

namespace MyGovernment.Application.Catalog;

/// <summary>
/// The demonstration catalog seeded into a fresh development database: real-looking Palestinian government
/// departments and services, in Arabic and English. Fees are illustrative, not official.
/// </summary>
public static class DemoCatalog
{
    public static readonly DateOnly FeesEffectiveFrom = new(2026, 1, 1);

    public static IReadOnlyList<DepartmentRegistered> Departments { get; } =
    [
        new("MOI-CIVIL", "وزارة الداخلية - الأحوال المدنية", "Ministry of Interior - Civil Affairs"),
        new("MOJ", "وزارة العدل", "Ministry of Justice"),
        new("MOT", "وزارة النقل والمواصلات", "Ministry of Transport"),
        new("MNE", "وزارة الاقتصاد الوطني", "Ministry of National Economy"),
        new("MOLG", "وزارة الحكم المحلي", "Ministry of Local Government"),
        new("CIVIL-DEFENCE", "المديرية العامة للدفاع المدني", "General Directorate of Civil Defence"),
        new("MOL", "وزارة العمل", "Ministry of Labour"),
    ];

    public static IReadOnlyList<(ServiceDefined Definition, FeeSchedule? Fees)> Services { get; } =
    [
        (new ServiceDefined(
            "BIRTH-CERT", "MOI-CIVIL",
            new("مستخرج شهادة ميلاد", "Birth certificate extract"),
            new("إصدار مستخرج رسمي من قيد الميلاد في السجل المدني.", "An official extract of a birth record from the civil registry."),
            [
                Field("personNationalId", FieldType.NationalId, true, "رقم هوية صاحب القيد", "National ID of the person registered"),
                Field("purpose", FieldType.Text, false, "الغرض من الطلب", "Purpose of the request"),
            ],
            [],
            IsPaid: true,
            [Step("MOI-CIVIL", "تدقيق السجل المدني", "Civil registry check")],
            RequiresSecondApprover: false,
            SlaWorkingDays: 1),
         Fees(Line("base", "رسم الإصدار", "Issuance fee", 15m))),

        (new ServiceDefined(
            "NO-CRIMINAL-RECORD", "MOJ",
            new("شهادة عدم محكومية", "No-criminal-record certificate"),
            new("شهادة تثبت خلو السجل الجنائي لمقدم الطلب.", "A certificate that the applicant has no criminal record."),
            [
                Field("purpose", FieldType.Text, true, "الجهة المقدم إليها", "Where the certificate will be presented"),
                Field("motherName", FieldType.Text, true, "اسم الأم", "Mother's name"),
            ],
            [],
            IsPaid: true,
            [Step("MOJ", "فحص السجل الجنائي", "Criminal record check")],
            RequiresSecondApprover: false,
            SlaWorkingDays: 3),
         Fees(Line("base", "رسم الشهادة", "Certificate fee", 20m))),

        (new ServiceDefined(
            "VEHICLE-LICENCE-RENEWAL", "MOT",
            new("تجديد رخصة مركبة", "Vehicle licence renewal"),
            new("تجديد الترخيص السنوي للمركبة بعد الفحص الفني والتأمين.", "Annual renewal of a vehicle licence after technical inspection and insurance."),
            [
                Field("plateNumber", FieldType.Text, true, "رقم اللوحة", "Plate number", 20),
                Field("insurancePolicyNumber", FieldType.Text, true, "رقم بوليصة التأمين", "Insurance policy number", 40),
                Field("inspectionDate", FieldType.Date, true, "تاريخ الفحص الفني", "Technical inspection date"),
            ],
            [Doc("INSURANCE-POLICY", "بوليصة التأمين", "Insurance policy", false)],
            IsPaid: true,
            [Step("MOT", "ترخيص المركبات", "Vehicle licensing")],
            RequiresSecondApprover: false,
            SlaWorkingDays: 2),
         Fees(Line("base", "رسم الترخيص", "Licence fee", 250m), Line("inspection", "رسم الفحص", "Inspection fee", 60m))),

        (new ServiceDefined(
            "COMMERCIAL-REGISTRATION", "MNE",
            new("تسجيل شركة تجارية", "Commercial company registration"),
            new("تسجيل شركة جديدة في سجل الشركات لدى مراقب الشركات.", "Registration of a new company with the Companies Controller."),
            [
                Field("tradeName", FieldType.Text, true, "الاسم التجاري", "Trade name", 120),
                Field("capitalIls", FieldType.Number, true, "رأس المال بالشيكل", "Capital in ILS"),
                Field("activity", FieldType.Text, true, "النشاط التجاري", "Business activity", 200),
            ],
            [
                Doc("ARTICLES", "عقد التأسيس", "Articles of association", false),
                Doc("NO-CRIMINAL-RECORD", "شهادة عدم محكومية للشركاء", "Partners' no-criminal-record certificates", true),
            ],
            IsPaid: true,
            [Step("MNE", "مراقب الشركات", "Companies Controller")],
            RequiresSecondApprover: true,
            SlaWorkingDays: 10),
         Fees(Line("base", "رسم التسجيل", "Registration fee", 300m), Line("publication", "رسم النشر", "Publication fee", 50m))),

        (new ServiceDefined(
            "BUILDING-PERMIT", "MOLG",
            new("رخصة بناء", "Building permit"),
            new("ترخيص بناء يمر بتدقيق الحكم المحلي ثم موافقة الدفاع المدني.", "A building permit reviewed by Local Government, then approved by Civil Defence."),
            [
                Field("basinNumber", FieldType.Text, true, "رقم الحوض", "Basin number", 20),
                Field("parcelNumber", FieldType.Text, true, "رقم القطعة", "Parcel number", 20),
                Field("floors", FieldType.Number, true, "عدد الطوابق", "Number of floors"),
                Field("areaSqm", FieldType.Number, true, "المساحة بالمتر المربع", "Area in square metres"),
            ],
            [
                Doc("OWNERSHIP-DEED", "سند الملكية", "Ownership deed", false),
                Doc("ENGINEERING-PLANS", "المخططات الهندسية", "Engineering plans", false),
            ],
            IsPaid: true,
            [
                Step("MOLG", "التدقيق الهندسي والتنظيمي", "Engineering and zoning review"),
                Step("CIVIL-DEFENCE", "موافقة السلامة العامة", "Public safety approval"),
            ],
            RequiresSecondApprover: true,
            SlaWorkingDays: 30),
         Fees(Line("base", "رسم الترخيص", "Permit fee", 500m), Line("safety", "رسم فحص السلامة", "Safety review fee", 150m))),

        (new ServiceDefined(
            "JOBSEEKER-REGISTRATION", "MOL",
            new("تسجيل باحث عن عمل", "Jobseeker registration"),
            new("تسجيل في قاعدة بيانات الباحثين عن عمل لدى وزارة العمل (خدمة مجانية).", "Registration in the Ministry of Labour's jobseeker database (free of charge)."),
            [
                Field("qualification", FieldType.Text, true, "المؤهل العلمي", "Highest qualification", 120),
                Field("graduationDate", FieldType.Date, false, "تاريخ التخرج", "Graduation date"),
            ],
            [],
            IsPaid: false,
            [Step("MOL", "مكتب التشغيل", "Employment office")],
            RequiresSecondApprover: false,
            SlaWorkingDays: 5),
         null),
    ];

    /// <summary>
    /// Public holidays for 2026–2027, seeded onto the calendar stream. Fixed-date holidays are exact; the Islamic
    /// holidays follow the lunar calendar and are APPROXIMATE (astronomical estimates): the Cabinet announces the
    /// official days shortly before, and an admin corrects them with the holiday endpoints.
    /// </summary>
    public static IReadOnlyList<PublicHolidayDeclared> Holidays { get; } =
    [
        .. Fixed(2026), .. Fixed(2027),
        .. Days(new(2026, 3, 20), 3, "عيد الفطر", "Eid al-Fitr"),
        Holiday(new(2026, 5, 26), "يوم عرفة", "Day of Arafah"),
        .. Days(new(2026, 5, 27), 3, "عيد الأضحى", "Eid al-Adha"),
        Holiday(new(2026, 6, 16), "رأس السنة الهجرية", "Islamic New Year"),
        Holiday(new(2026, 8, 25), "المولد النبوي الشريف", "Prophet's Birthday"),
        .. Days(new(2027, 3, 9), 3, "عيد الفطر", "Eid al-Fitr"),
        Holiday(new(2027, 5, 15), "يوم عرفة", "Day of Arafah"),
        .. Days(new(2027, 5, 16), 3, "عيد الأضحى", "Eid al-Adha"),
        Holiday(new(2027, 6, 6), "رأس السنة الهجرية", "Islamic New Year"),
        Holiday(new(2027, 8, 14), "المولد النبوي الشريف", "Prophet's Birthday"),
    ];

    private static IEnumerable<PublicHolidayDeclared> Fixed(int year) =>
    [
        Holiday(new(year, 1, 1), "رأس السنة الميلادية", "New Year's Day"),
        Holiday(new(year, 1, 7), "عيد الميلاد المجيد (التقويم الشرقي)", "Orthodox Christmas"),
        Holiday(new(year, 5, 1), "عيد العمال", "Labour Day"),
        Holiday(new(year, 11, 15), "عيد الاستقلال", "Independence Day"),
        Holiday(new(year, 12, 25), "عيد الميلاد المجيد", "Christmas Day"),
    ];

    private static IEnumerable<PublicHolidayDeclared> Days(DateOnly first, int count, string ar, string en) =>
        Enumerable.Range(0, count).Select(i => Holiday(first.AddDays(i), ar, en));

    private static PublicHolidayDeclared Holiday(DateOnly date, string ar, string en) => new(date, new(ar, en));

    private static FormField Field(string name, FieldType type, bool required, string ar, string en, int maxLength = 500) =>
        new(name, type, required, new(ar, en), maxLength);

    private static RequiredDocument Doc(string code, string ar, string en, bool issuedByGovernment) => new(code, new(ar, en), issuedByGovernment);

    private static WorkflowStep Step(string department, string ar, string en) => new(department, new(ar, en));

    private static FeeLine Line(string code, string ar, string en, decimal amount) => new(code, new(ar, en), Money.Ils(amount));

    private static FeeSchedule Fees(params FeeLine[] lines) => new(1, FeesEffectiveFrom, lines);
}
