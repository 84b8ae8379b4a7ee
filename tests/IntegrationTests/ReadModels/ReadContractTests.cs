using MyGovernment.Api.Identity;
using MyGovernment.Api.Paging;
using MyGovernment.Api.ServiceRequests;
using MyGovernment.IntegrationTests.Payments;
using MyGovernment.IntegrationTests.Support;
using Shouldly;

namespace MyGovernment.IntegrationTests.ReadModels;

/// <summary>Sorting, cursors, ETags and the payment timeline: the read side's contract beyond the figures.</summary>
public sealed class ReadContractTests(AppFixture app)
{
    [Fact]
    public async Task My_requests_sort_oldest_first_or_newest_first_and_page_through_either_order()
    {
        var citizen = Citizens.NewNationalId();
        var token = app.TokenFor("citizen-" + citizen, Roles.Citizen, nationalId: citizen);
        var ids = new List<Guid>();
        foreach (var qualification in new[] { "A", "B", "C" })
        {
            var created = await app.Host.Scenario(s =>
            {
                s.As(token).Post.Json(new { serviceCode = "JOBSEEKER-REGISTRATION", form = new { qualification } }).ToUrl("/api/service-requests");
                s.StatusCodeShouldBe(201);
            });
            ids.Add(Guid.Parse(created.Context.Response.Headers.Location.ToString().Split('/')[^1]));
        }

        (await app.AllPagesAsync<MyRequestSummary>(token, "/api/me/requests?sort=submitted&limit=1")).Select(r => r.Id).ShouldBe(ids);
        (await app.AllPagesAsync<MyRequestSummary>(token, "/api/me/requests?sort=-submitted&limit=2")).Select(r => r.Id).ShouldBe(Enumerable.Reverse(ids));
        (await app.AllPagesAsync<MyRequestSummary>(token, "/api/me/requests?sort=-changed&limit=2")).Count.ShouldBe(3);
        (await app.AllPagesAsync<MyRequestSummary>(token, "/api/me/requests?service=jobseeker-registration")).Count.ShouldBe(3);
        (await app.AllPagesAsync<MyRequestSummary>(token, "/api/me/requests?service=BIRTH-CERT")).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("/api/me/requests?sort=fee")]
    [InlineData("/api/me/documents?sort=-submitted")]
    [InlineData("/api/me/access-log?sort=name")]
    public async Task An_unknown_sort_is_a_400_naming_the_allowed_orders(string url)
    {
        var citizen = Citizens.NewNationalId();
        var result = await app.Host.Scenario(s =>
        {
            s.As(app.TokenFor("c-" + citizen, Roles.Citizen, nationalId: citizen)).Get.Url(url);
            s.StatusCodeShouldBe(400);
        });
        (await result.ReadAsTextAsync()).ShouldContain("'sort' must be one of");
    }

    [Fact]
    public async Task A_cursor_of_one_order_is_refused_by_another()
    {
        var citizen = Citizens.NewNationalId();
        var token = app.TokenFor("citizen-" + citizen, Roles.Citizen, nationalId: citizen);
        for (var i = 0; i < 2; i++)
        {
            await app.Host.Scenario(s =>
            {
                s.As(token).Post.Json(new { serviceCode = "JOBSEEKER-REGISTRATION", form = new { qualification = $"Q{i}" } }).ToUrl("/api/service-requests");
                s.StatusCodeShouldBe(201);
            });
        }
        var first = await (await app.Host.Scenario(s => s.As(token).Get.Url("/api/me/requests?limit=1"))).ReadAsJsonAsync<Page<MyRequestSummary>>();
        var refused = await app.Host.Scenario(s =>
        {
            s.As(token).Get.Url($"/api/me/requests?sort=submitted&limit=1&after={Uri.EscapeDataString(first!.Next!)}");
            s.StatusCodeShouldBe(400);
        });
        (await refused.ReadAsTextAsync()).ShouldContain("another sort order");
    }

    [Fact]
    public async Task Request_details_answer_304_to_their_own_etag_in_any_if_none_match_form_and_200_once_it_moved()
    {
        var request = await new Journey(app, "JOBSEEKER-REGISTRATION").SubmitAsync(new { qualification = "ETag" });
        var read = await app.Host.Scenario(s => s.As(request.CitizenToken).Get.Url(request.Url));
        var etag = read.Context.Response.Headers.ETag.ToString();
        etag.ShouldBe($"\"{request.Version}\"");

        foreach (var ifNoneMatch in new[] { etag, $"W/{etag}", $"\"999\", {etag}", "*" })
        {
            await app.Host.Scenario(s =>
            {
                s.As(request.CitizenToken).Get.Url(request.Url);
                s.WithRequestHeader("If-None-Match", ifNoneMatch);
                s.StatusCodeShouldBe(304);
            });
        }
        await request.SendAsync(Journey.Officer(app, "mol-etag-" + request.Id, "MOL"), "claim");
        await app.Host.Scenario(s =>
        {
            s.As(request.CitizenToken).Get.Url(request.Url);
            s.WithRequestHeader("If-None-Match", etag);
            s.StatusCodeShouldBe(200);
        });
    }

    [Fact]
    public async Task An_auditor_reads_a_payments_timeline_with_its_refunds_each_event_with_actor_role_department_time_and_reason()
    {
        var kit = new PaymentKit(app);
        var (paymentId, _) = await RefundTests.CapturedAsync(app, kit);
        var maker = app.TokenFor("finance-tl-maker", Roles.Finance, "TREASURY");
        var requested = await app.Host.Scenario(s =>
        {
            s.As(maker).Post.Json(new { amount = 50m, currency = "ILS", refundableSeen = 650m, reason = "Overcharged" }).ToUrl($"/api/payments/{paymentId}/refunds");
            s.StatusCodeShouldBe(201);
        });
        var refundId = (await requested.ReadAsJsonAsync<MyGovernment.Projections.Payments.RefundDetails>())!.Id;
        await app.Host.Scenario(s =>
        {
            s.As(app.TokenFor("finance-tl-checker", Roles.Finance, "TREASURY")).Post.Url($"/api/refunds/{refundId}/approve");
            s.StatusCodeShouldBe(200);
        });

        var timeline = (await (await app.Host.Scenario(s => s.As(app.TokenFor("auditor-ptl", Roles.Auditor)).Get.Url($"/api/payments/{paymentId}/timeline")))
            .ReadAsJsonAsync<List<TimelineEntry>>())!;

        timeline.Select(t => t.Sequence).ShouldBeInOrder();
        timeline.First().Event.ShouldBe("payment_created");
        timeline.First().ActorRole.ShouldBe("citizen");
        timeline.ShouldContain(t => t.Event == "payment_succeeded" && t.Reason!.Contains("captured"));
        var request = timeline.Single(t => t.Event == "refund_requested");
        (request.ActorId, request.ActorRole, request.ActorDepartment, request.StreamId).ShouldBe(("finance-tl-maker", "finance", "TREASURY", refundId));
        request.Reason!.ShouldContain("Overcharged");
        var approval = timeline.Single(t => t.Event == "refund_approved");
        (approval.ActorId, approval.ActorRole).ShouldBe(("finance-tl-checker", "finance"));
        // Reserved on the payment stream in the requester's transaction: the actor comes from the event's metadata.
        timeline.Single(t => t.Event == "refund_reserved").ActorId.ShouldBe("finance-tl-maker");
        timeline.ShouldAllBe(t => t.ActorId != null && t.ActorRole != null && t.At > DateTimeOffset.MinValue);

        var stranger = Citizens.NewNationalId();
        await app.Host.Scenario(s =>
        {
            s.As(app.TokenFor("c-" + stranger, Roles.Citizen, nationalId: stranger)).Get.Url($"/api/payments/{paymentId}/timeline");
            s.StatusCodeShouldBe(404);
        });
    }
}
