using Alba;
using MyGovernment.Api.Catalog;
using MyGovernment.IntegrationTests.Support;
using MyGovernment.Projections.Catalog;
using Shouldly;

namespace MyGovernment.IntegrationTests.Catalog;

public sealed class ServiceCatalogTests(AppFixture app)
{
    [Fact]
    public async Task Anyone_can_list_the_seeded_services_with_the_fee_in_force()
    {
        var result = await app.Host.Scenario(s => s.Get.Url("/api/services"));
        var services = await result.ReadAsJsonAsync<List<ServiceSummary>>();

        services.ShouldNotBeNull();
        // Other tests publish services of their own: check that the seeded ones are all there.
        foreach (var code in new[] { "BIRTH-CERT", "BUILDING-PERMIT", "COMMERCIAL-REGISTRATION", "JOBSEEKER-REGISTRATION", "NO-CRIMINAL-RECORD", "VEHICLE-LICENCE-RENEWAL" })
        {
            services.Select(s => s.Code).ShouldContain(code);
        }
        var permit = services.Single(s => s.Code == "BUILDING-PERMIT");
        permit.Name.Ar.ShouldBe("رخصة بناء");
        permit.Fee!.Amount.ShouldBe(650m);
        services.Single(s => s.Code == "JOBSEEKER-REGISTRATION").Fee.ShouldBeNull();
    }

    [Fact]
    public async Task A_service_shows_its_form_and_two_department_workflow()
    {
        var result = await app.Host.Scenario(s => s.Get.Url("/api/services/BUILDING-PERMIT"));
        var service = await result.ReadAsJsonAsync<ServiceCatalogEntry>();

        service.ShouldNotBeNull();
        service.Workflow.Select(w => w.DepartmentCode).ShouldBe(["MOLG", "CIVIL-DEFENCE"]);
        service.Fields.Select(f => f.Name).ShouldContain("parcelNumber");
        service.RequiresSecondApprover.ShouldBeTrue();
    }

    [Fact]
    public async Task An_unknown_service_code_is_a_404_problem()
    {
        var result = await app.Host.Scenario(s =>
        {
            s.Get.Url("/api/services/NO-SUCH-SERVICE");
            s.StatusCodeShouldBe(404);
            s.ContentTypeShouldBe("application/problem+json");
        });
        result.ShouldNotBeNull();
    }
}
