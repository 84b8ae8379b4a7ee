using Alba;
using Marten;
using MyGovernment.Api.Identity;
using MyGovernment.Domain.ServiceRequests;
using MyGovernment.IntegrationTests.Support;
using MyGovernment.Projections.ServiceRequests;
using Shouldly;

namespace MyGovernment.IntegrationTests.ServiceRequests;

public sealed class SubmitServiceRequestTests(AppFixture app)
{
    private static readonly object BuildingPermit = new
    {
        serviceCode = "BUILDING-PERMIT",
        form = new { basinNumber = "7", parcelNumber = "112", floors = "3", areaSqm = "240.5" },
    };

    [Fact]
    public async Task Submitting_a_paid_service_returns_201_with_location_and_waits_for_the_assessed_fee()
    {
        var citizen = Citizens.NewNationalId();
        var token = app.TokenFor("citizen-" + citizen, Roles.Citizen, nationalId: citizen);

        var created = await app.Host.Scenario(s =>
        {
            s.As(token).Post.Json(BuildingPermit).ToUrl("/api/service-requests");
            s.StatusCodeShouldBe(201);
        });
        var location = created.Context.Response.Headers.Location.ToString();
        location.ShouldStartWith("/api/service-requests/");

        var read = await app.Host.Scenario(s => s.As(token).Get.Url(location));
        var details = await read.ReadAsJsonAsync<ServiceRequestDetails>();
        details.ShouldNotBeNull();
        details.ApplicantId.ShouldBe(citizen);
        details.Status.ShouldBe(ServiceRequestStatus.AwaitingPayment);
        details.Fee!.Total.Amount.ShouldBe(650m);
        details.Fee.ScheduleVersion.ShouldBe(1);
        details.Form["areaSqm"].ShouldBe("240.5");
        read.Context.Response.Headers.ETag.ToString().ShouldBe("\"3\"");

        await using var session = app.Store.QuerySession();
        var events = await session.Events.FetchStreamAsync(details.Id, token: TestContext.Current.CancellationToken);
        events.Select(e => e.Data.GetType()).ShouldBe([typeof(ServiceRequestSubmitted), typeof(DocumentsRequired), typeof(FeeAssessed)]);
    }

    [Fact]
    public async Task Submitting_an_information_only_service_puts_it_straight_into_the_department_queue()
    {
        var citizen = Citizens.NewNationalId();
        var token = app.TokenFor("citizen-" + citizen, Roles.Citizen, nationalId: citizen);

        var created = await app.Host.Scenario(s =>
        {
            s.As(token).Post.Json(new { serviceCode = "JOBSEEKER-REGISTRATION", form = new { qualification = "BSc Nursing" } })
                .ToUrl("/api/service-requests");
            s.StatusCodeShouldBe(201);
        });
        var read = await app.Host.Scenario(s => s.As(token).Get.Url(created.Context.Response.Headers.Location.ToString()));
        var details = await read.ReadAsJsonAsync<ServiceRequestDetails>();

        details!.Status.ShouldBe(ServiceRequestStatus.InReview);
        details.CurrentDepartment.ShouldBe("MOL");
        details.Fee.ShouldBeNull();
    }

    [Fact]
    public async Task A_second_open_request_for_the_same_service_points_at_the_earliest_open_one_and_a_withdrawn_one_counts_no_more()
    {
        var jobseeker = new { qualification = "BSc Nursing" };
        var first = await new Journey(app, "JOBSEEKER-REGISTRATION").SubmitAsync(jobseeker);
        var citizen = first.CitizenId;
        // Another applicant's request and another service of the same applicant are not duplicates.
        var unrelated = await new Journey(app, "JOBSEEKER-REGISTRATION").SubmitAsync(jobseeker);
        var permit = await new Journey(app, "BUILDING-PERMIT", citizen)
            .SubmitAsync(new { basinNumber = "7", parcelNumber = "112", floors = "3", areaSqm = "240.5" });
        var second = await new Journey(app, "JOBSEEKER-REGISTRATION", citizen).SubmitAsync(jobseeker);
        var third = await new Journey(app, "JOBSEEKER-REGISTRATION", citizen).SubmitAsync(jobseeker);

        (await DuplicateOfAsync(unrelated.Id)).ShouldBeNull();
        (await DuplicateOfAsync(permit.Id)).ShouldBeNull();
        (await DuplicateOfAsync(second.Id)).ShouldBe(first.Id);
        (await DuplicateOfAsync(third.Id)).ShouldBe(first.Id, "the earliest open request, not the latest");

        foreach (var request in new[] { first, second, third })
        {
            await request.SendAsync(request.CitizenToken, "withdraw", new { reason = "Found a job" });
        }
        var fourth = await new Journey(app, "JOBSEEKER-REGISTRATION", citizen).SubmitAsync(jobseeker);
        (await DuplicateOfAsync(fourth.Id)).ShouldBeNull("withdrawn requests are finished");
    }

    private async Task<Guid?> DuplicateOfAsync(Guid requestId)
    {
        await using var session = app.Store.QuerySession();
        var events = await session.Events.FetchStreamAsync(requestId, token: TestContext.Current.CancellationToken);
        return events.Select(e => e.Data).OfType<PotentialDuplicateFlagged>().SingleOrDefault()?.OtherRequestId;
    }

    [Fact]
    public async Task Invalid_form_fields_give_400_problem_with_field_errors_and_no_stream()
    {
        var citizen = Citizens.NewNationalId();
        var token = app.TokenFor("citizen-" + citizen, Roles.Citizen, nationalId: citizen);

        var result = await app.Host.Scenario(s =>
        {
            s.As(token).Post.Json(new { serviceCode = "BUILDING-PERMIT", form = new { basinNumber = "7", floors = "three", extra = "x" } })
                .ToUrl("/api/service-requests");
            s.StatusCodeShouldBe(400);
            s.ContentTypeShouldBe("application/problem+json");
        });
        var problem = await result.ReadAsJsonAsync<ValidationProblem>();
        problem!.Errors.Keys.ShouldBe(["form.areaSqm", "form.extra", "form.floors", "form.parcelNumber"], ignoreOrder: true);

        await AssertNoRequestsFor(citizen);
    }

    [Fact]
    public async Task A_missing_service_code_gives_400_with_the_field_named()
    {
        var token = app.TokenFor("citizen-x", Roles.Citizen, nationalId: Citizens.NewNationalId());
        var result = await app.Host.Scenario(s =>
        {
            s.As(token).Post.Json(new { form = new { } }).ToUrl("/api/service-requests");
            s.StatusCodeShouldBe(400);
        });
        var problem = await result.ReadAsJsonAsync<ValidationProblem>();
        problem!.Errors.ShouldContainKey("serviceCode");
    }

    [Theory]
    [InlineData("{\"serviceCode\": 5")]
    [InlineData("[]")]
    [InlineData("{\"serviceCode\": {\"a\": 1}}")]
    [InlineData("{\"serviceCode\": \"BIRTH-CERT\", \"form\": {\"personNationalId\": 123}}")]
    public async Task Malformed_json_is_a_400_problem_never_a_500(string body)
    {
        var token = app.TokenFor("citizen-y", Roles.Citizen, nationalId: Citizens.NewNationalId());
        await app.Host.Scenario(s =>
        {
            s.As(token);
            s.Post.Text(body).ToUrl("/api/service-requests");
            s.WithRequestHeader("Content-Type", "application/json");
            s.StatusCodeShouldBe(400);
        });
    }

    [Fact]
    public async Task An_unknown_service_is_a_404_problem()
    {
        var citizen = Citizens.NewNationalId();
        var token = app.TokenFor("citizen-" + citizen, Roles.Citizen, nationalId: citizen);
        await app.Host.Scenario(s =>
        {
            s.As(token).Post.Json(new { serviceCode = "NO-SUCH-SERVICE", form = new { } }).ToUrl("/api/service-requests");
            s.StatusCodeShouldBe(404);
            s.ContentTypeShouldBe("application/problem+json");
        });
        await AssertNoRequestsFor(citizen);
    }

    [Fact]
    public async Task Submitting_without_a_token_is_401_and_as_an_officer_is_403()
    {
        await app.Host.Scenario(s =>
        {
            s.Post.Json(BuildingPermit).ToUrl("/api/service-requests");
            s.StatusCodeShouldBe(401);
        });
        await app.Host.Scenario(s =>
        {
            s.As(app.TokenFor("officer-1", Roles.Officer, department: "MOLG")).Post.Json(BuildingPermit).ToUrl("/api/service-requests");
            s.StatusCodeShouldBe(403);
        });
    }

    [Fact]
    public async Task Another_citizens_request_is_404_not_403()
    {
        var owner = Citizens.NewNationalId();
        var ownerToken = app.TokenFor("citizen-" + owner, Roles.Citizen, nationalId: owner);
        var created = await app.Host.Scenario(s =>
        {
            s.As(ownerToken).Post.Json(BuildingPermit).ToUrl("/api/service-requests");
            s.StatusCodeShouldBe(201);
        });
        var location = created.Context.Response.Headers.Location.ToString();

        var stranger = Citizens.NewNationalId();
        await app.Host.Scenario(s =>
        {
            s.As(app.TokenFor("citizen-" + stranger, Roles.Citizen, nationalId: stranger)).Get.Url(location);
            s.StatusCodeShouldBe(404);
        });
        await app.Host.Scenario(s =>
        {
            s.As(app.TokenFor("auditor-1", Roles.Auditor)).Get.Url(location);
            s.StatusCodeShouldBe(200);
        });
    }

    private async Task AssertNoRequestsFor(string citizen)
    {
        await using var session = app.Store.QuerySession();
        var count = await session.Query<ServiceRequestDetails>().CountAsync(r => r.ApplicantId == citizen, TestContext.Current.CancellationToken);
        count.ShouldBe(0);
    }

    private sealed record ValidationProblem(int Status, Dictionary<string, string[]> Errors);
}
