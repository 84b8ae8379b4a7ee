using System.Globalization;
using Alba;
using MyGovernment.Api.Identity;
using MyGovernment.Domain.Common;
using MyGovernment.IntegrationTests.Support;

namespace MyGovernment.IntegrationTests.Catalog;

/// <summary>Admin helpers for catalog tests: unique codes per test, so tests never collide with the seed or each other.</summary>
public static class CatalogAdmin
{
    public static string NewCode(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 11)].ToUpperInvariant();

    public static DateOnly Today => PalestineTime.LocalDate(DateTimeOffset.UtcNow);

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string AdminToken(this AppFixture app) => app.TokenFor("admin-" + Guid.NewGuid().ToString("N")[..6], Roles.Admin);

    public static object Definition(string code, bool isPaid = true, string department = "MOI-CIVIL", params string[] steps) => new
    {
        code,
        departmentCode = department,
        name = new { ar = "خدمة اختبار", en = "Test service " + code },
        description = new { ar = "وصف", en = "A service defined by a test." },
        fields = new object[]
        {
            new { name = "fullName", type = "Text", required = true, label = new { ar = "الاسم", en = "Full name" }, maxLength = 80 },
            new { name = "birthDate", type = "Date", required = false, label = new { ar = "تاريخ الميلاد", en = "Birth date" }, maxLength = 10 },
        },
        requiredDocuments = new object[] { new { code = "ID-COPY", name = new { ar = "صورة الهوية", en = "ID copy" }, issuedByGovernment = false } },
        isPaid,
        workflow = (steps.Length > 0 ? steps : [department]).Select(d => new { departmentCode = d, name = new { ar = "مراجعة", en = "Review" } }).ToArray(),
        requiresSecondApprover = false,
        slaWorkingDays = 4,
    };

    public static object Fees(DateOnly from, params decimal[] amounts) => new
    {
        effectiveFrom = Iso(from),
        lines = amounts.Select((a, i) => new { code = $"LINE{i}", name = new { ar = "رسم", en = "Fee" }, amount = new { amount = a, currency = "ILS" } }).ToArray(),
    };

    public static async Task<IScenarioResult> Post(this AppFixture app, string token, string url, object body, int status) =>
        await app.Host.Scenario(s =>
        {
            s.Post.Json(body).ToUrl(url);
            s.As(token);
            s.StatusCodeShouldBe(status);
        });

    /// <summary>A published paid service with one fee schedule (v1, in force from today).</summary>
    public static async Task<string> PublishedPaidService(this AppFixture app, string token, decimal fee = 40m)
    {
        var code = NewCode("T");
        await app.Post(token, "/api/admin/services", Definition(code), 201);
        await app.Post(token, $"/api/admin/services/{code}/fee-schedules", Fees(Today, fee), 201);
        await app.Post(token, $"/api/admin/services/{code}/publish", new { }, 200);
        return code;
    }
}
