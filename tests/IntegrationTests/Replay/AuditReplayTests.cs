using System.Text.Json;
using Alba;
using MyGovernment.Api.Identity;
using MyGovernment.Api.Paging;
using MyGovernment.Api.Replay;
using MyGovernment.IntegrationTests.Support;
using MyGovernment.Integrity;
using MyGovernment.Projections.ServiceRequests;
using Shouldly;

namespace MyGovernment.IntegrationTests.Replay;

public sealed class AuditReplayTests(AppFixture app)
{
    private static readonly object PermitForm = new { basinNumber = "3", parcelNumber = "44", floors = "2", areaSqm = "150" };

    private string Auditor => app.TokenFor("auditor-" + Guid.NewGuid().ToString("N")[..6], Roles.Auditor);

    [Fact]
    public async Task Every_event_carries_its_actor_correlation_causation_and_business_time()
    {
        var request = await new Journey(app, "BUILDING-PERMIT").SubmitAsync(PermitForm);

        var events = await GetAsync<List<JsonElement>>($"/api/audit/streams/{request.Id}/events");

        events.Count.ShouldBeGreaterThan(1);
        foreach (var e in events)
        {
            var headers = e.GetProperty("headers");
            headers.GetProperty("actor").GetProperty("subject").GetString().ShouldBe("citizen-" + request.CitizenId);
            headers.GetProperty("actor").GetProperty("role").GetString().ShouldBe(Roles.Citizen);
            headers.TryGetProperty("business-time", out _).ShouldBeTrue();
            e.GetProperty("correlationId").GetString().ShouldNotBeNullOrEmpty();
            e.GetProperty("causationId").GetString().ShouldNotBeNullOrEmpty();
        }
    }

    [Fact]
    public async Task The_state_as_of_a_version_is_what_the_stream_said_then()
    {
        var request = await new Journey(app, "BUILDING-PERMIT").SubmitAsync(PermitForm);
        var now = await GetAsync<ServiceRequestDetails>(request.Url);

        var first = await GetAsync<JsonElement>($"/api/audit/service-requests/{request.Id}/state?version=1");
        var latest = await GetAsync<JsonElement>($"/api/audit/service-requests/{request.Id}/state?version={request.Version}");

        first.GetProperty("readModel").GetProperty("version").GetInt64().ShouldBe(1);
        latest.GetProperty("readModel").GetProperty("version").GetInt64().ShouldBe(request.Version);
        latest.GetProperty("readModel").GetProperty("status").GetString().ShouldBe(now.Status.ToString());
        first.GetProperty("writeModel").ValueKind.ShouldBe(JsonValueKind.Object);
    }

    [Fact]
    public async Task Events_can_be_browsed_by_actor_and_type_page_by_page()
    {
        var request = await new Journey(app, "BUILDING-PERMIT").SubmitAsync(PermitForm);
        var actor = "citizen-" + request.CitizenId;

        var page = await GetAsync<Page<EventSummary>>($"/api/audit/events?actor={actor}&limit=1");
        page.Items.ShouldHaveSingleItem().Actor.ShouldBe(actor);
        page.Next.ShouldNotBeNull();
        var rest = await GetAsync<Page<EventSummary>>($"/api/audit/events?actor={actor}&after={page.Next}&limit=100");
        rest.Items.ShouldAllBe(e => e.Actor == actor && e.Seq > page.Items[0].Seq);
        rest.Items.Count.ShouldBe(request.Version > 1 ? (int)request.Version - 1 : 0);

        var submitted = await GetAsync<Page<EventSummary>>($"/api/audit/events?actor={actor}&type=service_request_submitted");
        submitted.Items.ShouldHaveSingleItem().StreamId.ShouldBe(request.Id);
    }

    [Fact]
    public async Task The_state_as_of_a_moment_folds_exactly_the_events_recorded_by_then()
    {
        var request = await new Journey(app, "BUILDING-PERMIT").SubmitAsync(PermitForm);
        await request.SendAsync(app.TokenFor("finance-" + Guid.NewGuid().ToString("N")[..6], Roles.Finance, "TREASURY"), "payments",
            new { paymentReference = "PAY-" + request.Id, amount = 650m, currency = "ILS" });
        var events = await GetAsync<List<StoredEvent>>($"/api/audit/streams/{request.Id}/events");
        events.Select(e => e.Timestamp).Distinct().Count().ShouldBeGreaterThan(1, "two commands, two moments");

        foreach (var moment in events.Select(e => e.Timestamp).Distinct())
        {
            var state = await GetAsync<JsonElement>($"/api/audit/service-requests/{request.Id}/state?at={Uri.EscapeDataString(moment.ToString("O"))}");
            state.GetProperty("readModel").GetProperty("version").GetInt64().ShouldBe(events.Where(e => e.Timestamp <= moment).Max(e => e.Version));
        }
        var before = events[0].Timestamp.AddTicks(-10);
        await app.Host.Scenario(s =>
        {
            s.As(Auditor).Get.Url($"/api/audit/service-requests/{request.Id}/state?at={Uri.EscapeDataString(before.ToString("O"))}");
            s.StatusCodeShouldBe(404);
        });
    }

    [Fact]
    public async Task Events_can_be_browsed_by_department_and_time_range()
    {
        var request = await new Journey(app, "BUILDING-PERMIT").SubmitAsync(PermitForm);
        var officer = "finance-" + Guid.NewGuid().ToString("N")[..6];
        await request.SendAsync(app.TokenFor(officer, Roles.Finance, "TREASURY"), "payments",
            new { paymentReference = "PAY-" + request.Id, amount = 650m, currency = "ILS" });

        var byDepartment = await GetAsync<Page<EventSummary>>($"/api/audit/events?department=treasury&actor={officer}");
        byDepartment.Items.ShouldNotBeEmpty();
        byDepartment.Items.ShouldAllBe(e => e.Department == "TREASURY" && e.Actor == officer && e.StreamId == request.Id);
        (await GetAsync<Page<EventSummary>>($"/api/audit/events?department=CIVIL-DEFENCE&actor={officer}")).Items.ShouldBeEmpty();

        var at = byDepartment.Items[0].Timestamp;
        string Range(DateTimeOffset from, DateTimeOffset to) =>
            $"/api/audit/events?actor={officer}&from={Uri.EscapeDataString(from.ToString("O"))}&to={Uri.EscapeDataString(to.ToString("O"))}";
        (await GetAsync<Page<EventSummary>>(Range(at, at.AddTicks(10)))).Items.Select(e => e.Seq).ShouldBe(byDepartment.Items.Select(e => e.Seq));
        (await GetAsync<Page<EventSummary>>(Range(at.AddTicks(-10), at))).Items.ShouldBeEmpty("'to' is exclusive");
        (await GetAsync<Page<EventSummary>>(Range(at.AddTicks(10), at.AddMinutes(1)))).Items.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_fresh_fold_of_every_request_matches_its_stored_read_model()
    {
        await new Journey(app, "BUILDING-PERMIT").SubmitAsync(PermitForm);

        var report = await GetAsync<ReadModelCheckReport>("/api/audit/read-model-check?projection=ServiceRequestDetails");

        report.ReadModelsChecked.ShouldBe(["ServiceRequestDetails"]);
        report.ReadModels.ShouldHaveSingleItem().RecomputedRows.ShouldBeGreaterThan(0);
        report.ReadModels[0].Differences.ShouldBeEmpty();
    }

    [Fact]
    public async Task Only_auditors_may_replay_history()
    {
        var request = await new Journey(app, "BUILDING-PERMIT").SubmitAsync(PermitForm);
        await app.Host.Scenario(s =>
        {
            s.As(request.CitizenToken).Get.Url($"/api/audit/streams/{request.Id}/events");
            s.StatusCodeShouldBe(403);
        });
    }

    private async Task<T> GetAsync<T>(string url)
    {
        var result = await app.Host.Scenario(s =>
        {
            s.As(Auditor).Get.Url(url);
            s.StatusCodeShouldBeOk();
        });
        return (await result.ReadAsJsonAsync<T>())!;
    }
}
