using System.Text.Json;
using Alba;
using MyGovernment.IntegrationTests.Support;
using Shouldly;

namespace MyGovernment.IntegrationTests.Catalog;

/// <summary>Bad admin input is a 400 problem with field errors, never a 500.</summary>
public sealed class CatalogValidationTests(AppFixture app)
{
    private readonly string _admin = app.AdminToken();

    private async Task<Dictionary<string, string[]>> Errors(string url, object body)
    {
        var result = await app.Host.Scenario(s =>
        {
            s.Post.Json(body).ToUrl(url);
            s.As(_admin);
            s.StatusCodeShouldBe(400);
            s.ContentTypeShouldBe("application/problem+json");
        });
        using var json = JsonDocument.Parse(await result.ReadAsTextAsync());
        return json.RootElement.GetProperty("errors").EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(v => v.GetString()!).ToArray());
    }

    [Fact]
    public async Task An_empty_service_definition_names_every_missing_field()
    {
        var errors = await Errors("/api/admin/services", new { });

        errors.Keys.ShouldBe(["code", "departmentCode", "name.Ar", "name.En", "description.Ar", "description.En", "workflow", "slaWorkingDays"], ignoreOrder: true);
    }

    [Fact]
    public async Task Null_items_and_bad_field_definitions_are_field_errors()
    {
        var errors = await Errors("/api/admin/services", new
        {
            code = "BAD CODE!",
            departmentCode = "MOI-CIVIL",
            name = new { ar = "أ", en = "A" },
            description = new { ar = "ب", en = "B" },
            fields = new object?[] { null, new { name = "Has Space", type = 42, required = true, label = (object?)null, maxLength = 0 } },
            requiredDocuments = new object?[] { null },
            isPaid = true,
            workflow = new object?[] { null },
            slaWorkingDays = 4,
        });

        errors.Keys.ShouldContain("code");
        errors.Keys.ShouldContain("fields[0]");
        errors.Keys.ShouldContain("fields[1].Name");
        errors.Keys.ShouldContain("fields[1].Type");
        errors.Keys.ShouldContain("fields[1].Label");
        errors.Keys.ShouldContain("fields[1].MaxLength");
        errors.Keys.ShouldContain("requiredDocuments[0]");
        errors.Keys.ShouldContain("workflow[0]");
    }

    [Fact]
    public async Task Unregistered_departments_are_named_in_the_field_errors()
    {
        var errors = await Errors("/api/admin/services", CatalogAdmin.Definition(CatalogAdmin.NewCode("T"), department: "NO-SUCH-DEPT", steps: ["MOJ", "NOWHERE"]));

        errors.Keys.ShouldBe(["departmentCode", "workflow[1].DepartmentCode"], ignoreOrder: true);
    }

    [Fact]
    public async Task Bad_fee_lines_are_field_errors()
    {
        var errors = await Errors("/api/admin/services/BIRTH-CERT/fee-schedules", new
        {
            effectiveFrom = CatalogAdmin.Iso(CatalogAdmin.Today.AddDays(30)),
            lines = new object?[]
            {
                new { code = "base", name = new { ar = "أ", en = "A" }, amount = new { amount = -5m, currency = "ILS" } },
                new { code = "extra", name = new { ar = "أ", en = "A" }, amount = new { amount = 5m, currency = "EUR" } },
                null,
            },
        });

        errors.Keys.ShouldContain("lines");
        errors.Keys.ShouldContain("lines[0].Amount.Amount");
        errors.Keys.ShouldContain("lines[1].Amount.Currency");
        errors.Keys.ShouldContain("lines[2]");
    }

    [Fact]
    public async Task A_fee_schedule_without_lines_or_date_is_refused() =>
        (await Errors("/api/admin/services/BIRTH-CERT/fee-schedules", new { })).Keys.ShouldBe(["effectiveFrom", "lines"], ignoreOrder: true);

    [Fact]
    public async Task Retiring_without_a_reason_is_refused() =>
        (await Errors("/api/admin/services/BIRTH-CERT/retire", new { reason = " " })).Keys.ShouldBe(["reason"]);

    [Fact]
    public async Task A_body_that_is_not_json_for_the_endpoint_is_a_400_problem() =>
        await app.Host.Scenario(s =>
        {
            s.Post.Text("{\"effectiveFrom\": \"not a date\"").ToUrl("/api/admin/services/BIRTH-CERT/fee-schedules");
            s.WithRequestHeader("content-type", "application/json");
            s.As(_admin);
            s.StatusCodeShouldBe(400);
        });
}
