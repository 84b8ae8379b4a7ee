using Alba;
using MyGovernment.Api.Catalog;
using MyGovernment.Api.Identity;
using MyGovernment.Domain.Catalog;
using MyGovernment.IntegrationTests.Support;
using MyGovernment.Projections.Catalog;
using Shouldly;

namespace MyGovernment.IntegrationTests.Catalog;

public sealed class CatalogAdministrationTests(AppFixture app)
{
    private readonly string _admin = app.AdminToken();

    [Fact]
    public async Task An_admin_defines_and_publishes_a_service_that_citizens_then_see()
    {
        var code = CatalogAdmin.NewCode("T");
        var defined = await app.Post(_admin, "/api/admin/services", CatalogAdmin.Definition(code, steps: ["MOI-CIVIL", "MOJ"]), 201);
        defined.Context.Response.Headers.Location.ToString().ShouldBe($"/api/admin/services/{code}");

        // A draft is invisible to the public catalog until published.
        await app.Host.Scenario(s => { s.Get.Url($"/api/services/{code}"); s.StatusCodeShouldBe(404); });

        await app.Post(_admin, $"/api/admin/services/{code}/fee-schedules", CatalogAdmin.Fees(CatalogAdmin.Today, 30m, 12.5m), 201);
        await app.Post(_admin, $"/api/admin/services/{code}/publish", new { }, 200);

        var citizen = app.TokenFor("citizen-" + code, Roles.Citizen, nationalId: Citizens.NewNationalId());
        var list = await app.Host.Scenario(s => { s.Get.Url("/api/services"); s.As(citizen); });
        var summary = (await list.ReadAsJsonAsync<List<ServiceSummary>>())!.Single(s => s.Code == code);
        summary.Fee!.Amount.ShouldBe(42.5m);
        summary.SlaWorkingDays.ShouldBe(4);

        var entry = await (await app.Host.Scenario(s => s.Get.Url($"/api/services/{code}"))).ReadAsJsonAsync<ServiceCatalogEntry>();
        entry!.Status.ShouldBe(ServiceStatus.Published);
        entry.Workflow.Select(w => w.DepartmentCode).ShouldBe(["MOI-CIVIL", "MOJ"]);
        entry.Fields.Select(f => f.Type).ShouldBe([FieldType.Text, FieldType.Date]);
        entry.RequiredDocuments.Single().Code.ShouldBe("ID-COPY");
    }

    [Theory]
    [InlineData(Roles.Citizen)]
    [InlineData(Roles.Officer)]
    [InlineData(Roles.Auditor)]
    public async Task A_caller_who_is_not_an_admin_gets_403(string role)
    {
        var token = app.TokenFor("not-admin", role, role == Roles.Officer ? "MOI-CIVIL" : null, role == Roles.Citizen ? Citizens.NewNationalId() : null);
        await app.Post(token, "/api/admin/services", CatalogAdmin.Definition(CatalogAdmin.NewCode("T")), 403);
        await app.Post(token, "/api/admin/departments", new { code = CatalogAdmin.NewCode("D"), nameAr = "د", nameEn = "D" }, 403);
        await app.Post(token, "/api/admin/services/BIRTH-CERT/retire", new { reason = "no" }, 403);
    }

    [Fact]
    public async Task Without_a_token_admin_endpoints_are_401() =>
        await app.Host.Scenario(s =>
        {
            s.Post.Json(new { reason = "x" }).ToUrl("/api/admin/services/BIRTH-CERT/retire");
            s.StatusCodeShouldBe(401);
        });

    [Fact]
    public async Task A_fee_schedule_change_takes_effect_only_from_its_date()
    {
        var code = await app.PublishedPaidService(_admin, fee: 40m);
        var tomorrow = CatalogAdmin.Today.AddDays(1);

        var adopted = await app.Post(_admin, $"/api/admin/services/{code}/fee-schedules", CatalogAdmin.Fees(tomorrow, 55m), 201);
        var response = await adopted.ReadAsJsonAsync<FeeScheduleAdoptedBody>();
        response!.Version.ShouldBe(2);

        var summary = (await (await app.Host.Scenario(s => s.Get.Url("/api/services"))).ReadAsJsonAsync<List<ServiceSummary>>())!
            .Single(s => s.Code == code);
        summary.Fee!.Amount.ShouldBe(40m, "version 2 is not in force before tomorrow");

        var entry = await (await app.Host.Scenario(s => s.Get.Url($"/api/services/{code}"))).ReadAsJsonAsync<ServiceCatalogEntry>();
        entry!.FeeSchedules.Select(f => (f.Version, f.EffectiveFrom, f.Total().Amount))
            .ShouldBe([(1, CatalogAdmin.Today, 40m), (2, tomorrow, 55m)]);

        // Every assessment records the schedule version it used: today's request v1, tomorrow's v2.
        var today = await new Journey(app, code).SubmitAsync(new { fullName = "Layla Haddad" });
        var assessedToday = (await today.ReadAsync()).Fee!;
        (assessedToday.ScheduleVersion, assessedToday.Total.Amount).ShouldBe((1, 40m));
        Journey nextDay;
        using (TestClock.Advance(TimeSpan.FromDays(1)))
        {
            nextDay = await new Journey(app, code).SubmitAsync(new { fullName = "Omar Khalil" });
        }
        var assessedTomorrow = (await nextDay.ReadAsync()).Fee!;
        (assessedTomorrow.ScheduleVersion, assessedTomorrow.Total.Amount).ShouldBe((2, 55m));
    }

    [Fact]
    public async Task A_fee_schedule_in_the_past_or_before_the_latest_version_is_refused_with_422()
    {
        var code = await app.PublishedPaidService(_admin);
        await app.Post(_admin, $"/api/admin/services/{code}/fee-schedules", CatalogAdmin.Fees(CatalogAdmin.Today.AddDays(10), 50m), 201);

        var past = await app.Post(_admin, $"/api/admin/services/{code}/fee-schedules", CatalogAdmin.Fees(CatalogAdmin.Today.AddDays(-1), 50m), 422);
        (await past.ReadAsTextAsync()).ShouldContain("effective_date_in_past");
        var early = await app.Post(_admin, $"/api/admin/services/{code}/fee-schedules", CatalogAdmin.Fees(CatalogAdmin.Today.AddDays(5), 50m), 422);
        (await early.ReadAsTextAsync()).ShouldContain("effective_date_before_latest");
    }

    [Fact]
    public async Task A_paid_service_without_a_fee_schedule_cannot_be_published()
    {
        var code = CatalogAdmin.NewCode("T");
        await app.Post(_admin, "/api/admin/services", CatalogAdmin.Definition(code), 201);

        var refused = await app.Post(_admin, $"/api/admin/services/{code}/publish", new { }, 422);
        (await refused.ReadAsTextAsync()).ShouldContain("fee_schedule_required");
    }

    [Fact]
    public async Task A_free_service_is_published_without_fees_and_retired_with_a_reason()
    {
        var code = CatalogAdmin.NewCode("T");
        await app.Post(_admin, "/api/admin/services", CatalogAdmin.Definition(code, isPaid: false), 201);
        await app.Post(_admin, $"/api/admin/services/{code}/publish", new { }, 200);
        await app.Post(_admin, $"/api/admin/services/{code}/publish", new { }, 200); // idempotent

        await app.Post(_admin, $"/api/admin/services/{code}/retire", new { reason = "Merged into another service" }, 200);

        var list = await (await app.Host.Scenario(s => s.Get.Url("/api/services"))).ReadAsJsonAsync<List<ServiceSummary>>();
        list!.Select(s => s.Code).ShouldNotContain(code);
        var entry = await (await app.Host.Scenario(s => s.Get.Url($"/api/services/{code}"))).ReadAsJsonAsync<ServiceCatalogEntry>();
        entry!.Status.ShouldBe(ServiceStatus.Retired);
        entry.RetiredReason.ShouldBe("Merged into another service");
        var again = await app.Post(_admin, $"/api/admin/services/{code}/publish", new { }, 422);
        (await again.ReadAsTextAsync()).ShouldContain("service_retired");
    }

    [Fact]
    public async Task Defining_an_existing_code_is_a_409_conflict()
    {
        var code = CatalogAdmin.NewCode("T");
        await app.Post(_admin, "/api/admin/services", CatalogAdmin.Definition(code), 201);
        await app.Post(_admin, "/api/admin/services", CatalogAdmin.Definition(code.ToLowerInvariant()), 409);
        await app.Post(_admin, "/api/admin/services", CatalogAdmin.Definition("BIRTH-CERT"), 409);
    }

    [Fact]
    public async Task Commands_on_an_unknown_service_are_404_problems()
    {
        var result = await app.Host.Scenario(s =>
        {
            s.Post.Json(new { }).ToUrl("/api/admin/services/NO-SUCH-SERVICE-X/publish");
            s.As(_admin);
            s.StatusCodeShouldBe(404);
            s.ContentTypeShouldBe("application/problem+json");
        });
        (await result.ReadAsTextAsync()).ShouldContain("service_not_found");
    }

    [Fact]
    public async Task An_admin_sees_a_draft_that_the_public_does_not()
    {
        var code = CatalogAdmin.NewCode("T");
        await app.Post(_admin, "/api/admin/services", CatalogAdmin.Definition(code), 201);

        var draft = await app.Host.Scenario(s => { s.Get.Url($"/api/admin/services/{code}"); s.As(_admin); });
        (await draft.ReadAsJsonAsync<ServiceCatalogEntry>())!.Status.ShouldBe(ServiceStatus.Draft);
    }

    [Fact]
    public async Task Every_catalog_change_records_the_admin_who_made_it()
    {
        var admin = app.TokenFor("admin-rania", Roles.Admin);
        var code = await app.PublishedPaidService(admin);

        await using var session = app.Store.QuerySession();
        var events = await session.Events.FetchStreamAsync(CatalogIds.Service(code), token: TestContext.Current.CancellationToken);

        events.Select(e => e.Data.GetType()).ShouldBe([typeof(ServiceDefined), typeof(FeeScheduleAdopted), typeof(ServicePublished)]);
        events.ShouldAllBe(e => e.Headers != null && e.Headers["actor"].ToString()!.Contains("admin-rania"));
    }

    private sealed record FeeScheduleAdoptedBody(string ServiceCode, int Version, DateOnly EffectiveFrom);
}
