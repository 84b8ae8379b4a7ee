using MyGovernment.Domain.Catalog;
using MyGovernment.Domain.Common;

namespace MyGovernment.Domain.Tests.Catalog;

/// <summary>Small catalog services for given/when/then tests, built by folding catalog events like Marten would.</summary>
public static class TestCatalog
{
    public static readonly DateTimeOffset Now = new(2026, 3, 10, 9, 0, 0, TimeSpan.FromHours(2));

    public static ServiceDefined Definition(bool isPaid = true, params WorkflowStep[] steps) => new(
        "TEST-SERVICE", "DEPT-A",
        new("خدمة تجريبية", "Test service"), new("وصف", "Description"),
        [
            new FormField("fullName", FieldType.Text, true, new("الاسم", "Full name"), 50),
            new FormField("birthDate", FieldType.Date, false, new("تاريخ الميلاد", "Birth date")),
            new FormField("floors", FieldType.Number, false, new("الطوابق", "Floors")),
            new FormField("spouseId", FieldType.NationalId, false, new("هوية الزوج", "Spouse ID")),
            new FormField("urgent", FieldType.Boolean, false, new("مستعجل", "Urgent")),
        ],
        [],
        isPaid,
        steps.Length > 0 ? steps : [new WorkflowStep("DEPT-A", new("مراجعة", "Review"))],
        RequiresSecondApprover: false,
        SlaWorkingDays: 5);

    public static FeeSchedule Fees(int version, DateOnly from, decimal amount) =>
        new(version, from, [new FeeLine("base", new("رسم", "Fee"), Money.Ils(amount))]);

    public static Service Fold(params object[] events) =>
        events.Aggregate((Service?)null, (s, e) => Service.Evolve(s, CatalogIds.Service("TEST-SERVICE"), e))!;

    public static Service PublishedPaidService() => Fold(
        Definition(),
        new FeeScheduleAdopted("TEST-SERVICE", Fees(1, new DateOnly(2026, 1, 1), 20m)),
        new ServicePublished("TEST-SERVICE"));
}
