using Marten.Events;
using MyGovernment.Api.Identity;
using MyGovernment.Api.Paging;
using MyGovernment.Api.ServiceRequests;
using MyGovernment.Domain.ServiceRequests;
using MyGovernment.IntegrationTests.Support;
using MyGovernment.Projections.AccessLog;
using Shouldly;

namespace MyGovernment.IntegrationTests.ReadModels;

public sealed class CitizenReadModelTests(AppFixture app)
{
    private static readonly object PermitForm = new { basinNumber = "9", parcelNumber = "31", floors = "2", areaSqm = "150" };

    [Fact]
    public async Task My_requests_say_where_each_is_who_holds_it_when_it_is_due_and_what_is_awaited_from_me()
    {
        var permit = await new Journey(app, "BUILDING-PERMIT").SubmitAsync(PermitForm);
        var token = permit.CitizenToken;

        var page = await MyRequests(token);
        var awaitingPayment = page.Items.ShouldHaveSingleItem();
        awaitingPayment.Status.ShouldBe(ServiceRequestStatus.AwaitingPayment);
        awaitingPayment.AwaitedFromMe.ShouldBe(new AwaitedFromApplicant("payment", "650.00 ILS", null));

        await permit.SendAsync(app.TokenFor("fin-rm", Roles.Finance, "TREASURY"), "payments", new { paymentReference = "P-" + permit.Id, amount = 650m });
        var molg = Journey.Officer(app, "molg-rm-" + permit.Id, "MOLG");
        await permit.SendAsync(molg, "claim");
        await permit.SendAsync(molg, "information-requests", new { message = "Upload the survey map" }, 201);
        await permit.ReadAsync();

        var inReview = (await MyRequests(token)).Items.ShouldHaveSingleItem();
        inReview.Status.ShouldBe(ServiceRequestStatus.AwaitingApplicant);
        inReview.CurrentDepartment.ShouldBe("MOLG");
        inReview.HeldBy.ShouldBe("molg-rm-" + permit.Id);
        inReview.ExpectedCompletion.ShouldNotBeNull();
        inReview.AwaitedFromMe!.Kind.ShouldBe("information");
        inReview.AwaitedFromMe.Detail.ShouldBe("Upload the survey map");
    }

    [Fact]
    public async Task Keyset_paging_returns_every_request_once_newest_first()
    {
        var citizen = Citizens.NewNationalId();
        var token = app.TokenFor("citizen-" + citizen, Roles.Citizen, nationalId: citizen);
        var ids = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            var created = await app.Host.Scenario(s =>
            {
                s.As(token).Post.Json(new { serviceCode = "JOBSEEKER-REGISTRATION", form = new { qualification = $"Q{i}" } }).ToUrl("/api/service-requests");
                s.StatusCodeShouldBe(201);
            });
            ids.Add(Guid.Parse(created.Context.Response.Headers.Location.ToString().Split('/')[^1]));
        }

        var seen = new List<Guid>();
        string? next = null;
        do
        {
            var page = await MyRequests(token, $"limit=2{(next is null ? "" : "&after=" + Uri.EscapeDataString(next))}");
            page.Items.Count.ShouldBeLessThanOrEqualTo(2);
            seen.AddRange(page.Items.Select(r => r.Id));
            next = page.Next;
        }
        while (next is not null);

        seen.ShouldBe(Enumerable.Reverse(ids).ToList());
        // The second request of the same service is flagged as a potential duplicate of the first.
        (await MyRequests(token)).Items.Count(r => r.Flags.HasFlag(RequestFlags.PotentialDuplicate)).ShouldBe(4);
    }

    [Theory]
    [InlineData("limit=0")]
    [InlineData("limit=101")]
    [InlineData("after=not-a-cursor")]
    public async Task Bad_paging_parameters_are_a_400(string query)
    {
        var citizen = Citizens.NewNationalId();
        await app.Host.Scenario(s =>
        {
            s.As(app.TokenFor("c-" + citizen, Roles.Citizen, nationalId: citizen)).Get.Url($"/api/me/requests?{query}");
            s.StatusCodeShouldBe(400);
        });
    }

    [Fact]
    public async Task An_officers_reads_appear_in_the_citizens_access_log_and_the_citizens_own_reads_do_not()
    {
        var request = await new Journey(app, "JOBSEEKER-REGISTRATION").SubmitAsync(new { qualification = "Engineering" });
        var officer = Journey.Officer(app, "mol-reader-" + request.Id, "MOL");
        await request.ReadAsync(request.CitizenToken);
        await app.Host.Scenario(s => s.As(officer).Get.Url(request.Url));
        await app.Host.Scenario(s => s.As(officer).Get.Url($"{request.Url}/timeline"));
        await app.Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));

        var log = await (await app.Host.Scenario(s => s.As(request.CitizenToken).Get.Url("/api/me/access-log"))).ReadAsJsonAsync<Page<AccessLogEntry>>();
        var officerViews = log!.Items.Where(a => a.RequestId == request.Id && a.ViewerRole == "officer").ToList();
        officerViews.Select(a => a.What).ShouldBe(["request-timeline", "request-details"]);
        officerViews.ShouldAllBe(a => a.ViewerId == "mol-reader-" + request.Id && a.ViewerRole == "officer" && a.ViewerDepartment == "MOL");
        // The journey's own auditor reads are logged too; the citizen's are not.
        log.Items.ShouldAllBe(a => a.ViewerRole != "citizen");

        var audit = await (await app.Host.Scenario(s => s.As(app.TokenFor("auditor-al", Roles.Auditor))
            .Get.Url($"/api/audit/access-log?viewer=mol-reader-{request.Id}"))).ReadAsJsonAsync<Page<AccessLogEntry>>();
        audit!.Items.Count.ShouldBe(2);
        audit.Items.ShouldAllBe(a => a.CitizenId == request.CitizenId && a.Sequence > 0);
    }

    [Fact]
    public async Task The_timeline_names_who_did_what_in_which_role_and_department_and_why()
    {
        var request = await new Journey(app, "JOBSEEKER-REGISTRATION").SubmitAsync(new { qualification = "Law" });
        var officer = Journey.Officer(app, "mol-tl-" + request.Id, "MOL");
        await request.SendAsync(officer, "claim");
        await request.SendAsync(officer, "decision/propose", new { outcome = "Reject", reasonCode = "ineligible", note = "Already employed" });

        var timeline = await (await app.Host.Scenario(s => s.As(request.CitizenToken).Get.Url($"{request.Url}/timeline"))).ReadAsJsonAsync<List<TimelineEntry>>();

        timeline!.Select(t => t.Event).ShouldBe(["service_request_submitted", "step_entered", "sla_clock_started", "request_assigned", "request_rejected"]);
        timeline[0].ActorId.ShouldBe("citizen-" + request.CitizenId);
        var rejected = timeline[^1];
        (rejected.ActorId, rejected.ActorRole, rejected.ActorDepartment).ShouldBe(("mol-tl-" + request.Id, "officer", "MOL"));
        rejected.Reason.ShouldBe("ineligible: Already employed");
        timeline.Select(t => t.Version).ShouldBe([1L, 2, 3, 4, 5]);

        var stranger = Citizens.NewNationalId();
        await app.Host.Scenario(s =>
        {
            s.As(app.TokenFor("c-" + stranger, Roles.Citizen, nationalId: stranger)).Get.Url($"{request.Url}/timeline");
            s.StatusCodeShouldBe(404);
        });
    }

    private async Task<Page<MyRequestSummary>> MyRequests(string token, string query = "") =>
        (await (await app.Host.Scenario(s => s.As(token).Get.Url($"/api/me/requests?{query}"))).ReadAsJsonAsync<Page<MyRequestSummary>>())!;
}
