using MyGovernment.IntegrationTests.Support;
using MyGovernment.Projections.Catalog;
using Shouldly;

namespace MyGovernment.IntegrationTests.Catalog;

public sealed class DepartmentTests(AppFixture app)
{
    [Fact]
    public async Task Anyone_can_list_the_departments()
    {
        var result = await app.Host.Scenario(s => s.Get.Url("/api/departments"));
        var departments = await result.ReadAsJsonAsync<List<DepartmentEntry>>();

        departments!.Select(d => d.Code).ShouldContain("MOLG");
        departments.Single(d => d.Code == "MOJ").Name.En.ShouldBe("Ministry of Justice");
    }

    [Fact]
    public async Task An_admin_registers_a_department_that_services_can_then_use()
    {
        var admin = app.AdminToken();
        var code = CatalogAdmin.NewCode("D");

        var registered = await app.Post(admin, "/api/admin/departments", new { code = code.ToLowerInvariant(), nameAr = " دائرة الاختبار ", nameEn = "Test Directorate" }, 201);
        registered.Context.Response.Headers.Location.ToString().ShouldBe($"/api/departments/{code}");

        var department = await (await app.Host.Scenario(s => s.Get.Url($"/api/departments/{code}"))).ReadAsJsonAsync<DepartmentEntry>();
        department!.Code.ShouldBe(code);
        department.Name.Ar.ShouldBe("دائرة الاختبار");
        await app.Post(admin, "/api/admin/services", CatalogAdmin.Definition(CatalogAdmin.NewCode("T"), department: code, steps: [code, "MOJ"]), 201);
    }

    [Fact]
    public async Task Registering_an_existing_department_is_a_409_conflict() =>
        await app.Post(app.AdminToken(), "/api/admin/departments", new { code = "MOJ", nameAr = "وزارة", nameEn = "Again" }, 409);

    [Fact]
    public async Task A_department_without_names_is_a_400_problem()
    {
        var result = await app.Post(app.AdminToken(), "/api/admin/departments", new { code = "" }, 400);
        (await result.ReadAsTextAsync()).ShouldContain("\"code\"");
    }
}
