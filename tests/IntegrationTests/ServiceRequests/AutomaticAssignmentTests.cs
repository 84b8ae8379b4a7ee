using Alba;
using Microsoft.Extensions.DependencyInjection;
using MyGovernment.Api.Identity;
using MyGovernment.Application.Staff;
using MyGovernment.Domain.ServiceRequests;
using MyGovernment.IntegrationTests.Catalog;
using MyGovernment.IntegrationTests.Support;
using Shouldly;
using Wolverine;

namespace MyGovernment.IntegrationTests.ServiceRequests;

/// <summary>The birth-certificate department (MOI-CIVIL) is used only here, so its roster is this test's own.</summary>
public sealed class AutomaticAssignmentTests(AppFixture app)
{
    [Fact]
    public async Task Paid_requests_are_given_to_the_least_loaded_rostered_officers_never_to_the_applicant()
    {
        var admin = app.TokenFor("admin-roster", Roles.Admin);
        var applicants = Enumerable.Range(0, 3).Select(_ => new Journey(app, "BIRTH-CERT")).ToList();
        string[] officers = ["moi-auto-1", "moi-auto-2", "moi-auto-3"];
        foreach (var officer in officers)
        {
            await app.Host.Scenario(s =>
            {
                s.As(admin).Post.Json(new { officerId = officer, nationalId = Citizens.NewNationalId(), role = "officer" })
                    .ToUrl("/api/departments/MOI-CIVIL/officers");
                s.StatusCodeShouldBeOk();
            });
        }
        // The first applicant is also on the roster (an officer applying privately): never assigned their own request.
        await app.Host.Scenario(s =>
        {
            s.As(admin).Post.Json(new { officerId = "moi-applicant-officer", nationalId = applicants[0].CitizenId, role = "officer" })
                .ToUrl("/api/departments/MOI-CIVIL/officers");
            s.StatusCodeShouldBeOk();
        });

        var finance = app.TokenFor("finance-auto", Roles.Finance, "TREASURY");
        var assigned = new List<string>();
        foreach (var request in applicants)
        {
            await request.SubmitAsync(new { personNationalId = request.CitizenId });
            // Paying puts the request in the queue; the automatic assignment follows through Wolverine's outbox.
            await request.SendAndSettleAsync(finance, "payments", new { paymentReference = "PAY-" + request.Id, amount = 15m });
            var details = await request.ReadAsync();
            details.AssignedTo.ShouldNotBeNull();
            details.AssignedTo.ShouldNotBe("moi-applicant-officer", "an officer is never assigned their own request");
            assigned.Add(details.AssignedTo);
        }

        assigned.ShouldBe(officers, ignoreOrder: true);
    }

    [Fact]
    public async Task A_request_queued_at_submission_is_assigned_in_the_submissions_own_transaction()
    {
        var ct = TestContext.Current.CancellationToken;
        // A department and a free service of this test's own, so no other test's requests share the roster.
        var admin = app.AdminToken();
        var department = CatalogAdmin.NewCode("D");
        await app.Post(admin, "/api/admin/departments", new { code = department, nameAr = "دائرة التوزيع", nameEn = "Assignment Directorate" }, 201);
        var service = CatalogAdmin.NewCode("T");
        await app.Post(admin, "/api/admin/services", CatalogAdmin.Definition(service, isPaid: false, department: department), 201);
        await app.Post(admin, $"/api/admin/services/{service}/publish", new { }, 200);
        string[] officers = ["auto-" + department.ToLowerInvariant(), "auto2-" + department.ToLowerInvariant()];
        foreach (var officer in officers)
        {
            await app.Post(admin, $"/api/departments/{department}/officers", new { officerId = officer, nationalId = Citizens.NewNationalId(), role = "officer" }, 200);
        }

        // The first submission folds the new service on this node; the second reads the assignment's inputs ahead,
        // in its first round trip, for the department it expects: both must see the roster and the workload.
        var assignedTo = new List<string>();
        foreach (var _ in officers)
        {
            var request = await new Journey(app, service).SubmitAsync(new { fullName = "Rana Haddad" });

            await using var session = app.Store.QuerySession();
            var events = await session.Events.FetchStreamAsync(request.Id, token: ct);
            var submitted = events.First(e => e.Data is ServiceRequestSubmitted);
            var assigned = events.Single(e => e.Data is RequestAssigned);
            ((RequestAssigned)assigned.Data).Mode.ShouldBe(AssignmentMode.Automatic);
            // Events of one transaction share PostgreSQL's transaction timestamp; a follow-up message commits later.
            assigned.Timestamp.ShouldBe(submitted.Timestamp, "the assignment commits with the submission, not in a follow-up transaction");
            var officer = ((RequestAssigned)assigned.Data).OfficerId;
            (await request.ReadAsync()).AssignedTo.ShouldBe(officer);
            assignedTo.Add(officer);
        }
        // The least loaded officer each time: the second request goes to the one without the first.
        assignedTo.ShouldBe(officers, ignoreOrder: true);
    }

    [Fact]
    public async Task A_roster_changed_after_this_node_folded_it_is_seen_by_the_next_submission()
    {
        var admin = app.AdminToken();
        var department = CatalogAdmin.NewCode("D");
        await app.Post(admin, "/api/admin/departments", new { code = department, nameAr = "دائرة التسجيل", nameEn = "Registration Directorate" }, 201);
        var service = CatalogAdmin.NewCode("T");
        await app.Post(admin, "/api/admin/services", CatalogAdmin.Definition(service, isPaid: false, department: department), 201);
        await app.Post(admin, $"/api/admin/services/{service}/publish", new { }, 200);
        var first = "first-" + department.ToLowerInvariant();
        await app.Post(admin, $"/api/departments/{department}/officers", new { officerId = first, nationalId = Citizens.NewNationalId(), role = "officer" }, 200);
        // Twice: the second submission reads the roster's version ahead and takes the fold this node kept.
        foreach (var _ in new[] { 1, 2 })
        {
            (await (await new Journey(app, service).SubmitAsync(new { fullName = "Rana Haddad" })).ReadAsync()).AssignedTo.ShouldBe(first);
        }

        // The enrollment appends to the roster's stream: its version moves, so the kept fold is not used again.
        var second = "second-" + department.ToLowerInvariant();
        await app.Post(admin, $"/api/departments/{department}/officers", new { officerId = second, nationalId = Citizens.NewNationalId(), role = "officer" }, 200);
        var next = await new Journey(app, service).SubmitAsync(new { fullName = "Rana Haddad" });

        (await next.ReadAsync()).AssignedTo.ShouldBe(second, "the least loaded officer is the one just enrolled");

        // A supervisor's assignment reads the roster the same way: the officer enrolled last is on it.
        var third = "third-" + department.ToLowerInvariant();
        await app.Post(admin, $"/api/departments/{department}/officers", new { officerId = third, nationalId = Citizens.NewNationalId(), role = "officer" }, 200);
        var supervisor = Journey.Officer(app, "sup-" + department.ToLowerInvariant(), department, Roles.Supervisor);
        await next.SendAsync(supervisor, "assign", new { officerId = third });
        (await next.ReadAsync()).AssignedTo.ShouldBe(third);
    }

    [Theory]
    [InlineData("NO-SUCH-DEPT")]
    [InlineData(null)]
    public async Task A_follow_up_naming_another_department_or_none_still_assigns_within_the_requests_own(string? named)
    {
        var ct = TestContext.Current.CancellationToken;
        var admin = app.AdminToken();
        var department = CatalogAdmin.NewCode("D");
        await app.Post(admin, "/api/admin/departments", new { code = department, nameAr = "دائرة المتابعة", nameEn = "Follow-up Directorate" }, 201);
        var service = CatalogAdmin.NewCode("T");
        await app.Post(admin, $"/api/admin/services", CatalogAdmin.Definition(service, isPaid: false, department: department), 201);
        await app.Post(admin, $"/api/admin/services/{service}/publish", new { }, 200);
        // Nobody on the roster yet: the submission queues the request unassigned.
        var request = await new Journey(app, service).SubmitAsync(new { fullName = "Rana Haddad" });
        (await request.ReadAsync()).AssignedTo.ShouldBeNull();
        var officer = "follow-" + department.ToLowerInvariant();
        await app.Post(admin, $"/api/departments/{department}/officers", new { officerId = officer, nationalId = Citizens.NewNationalId(), role = "officer" }, 200);

        // A follow-up whose department is stale (the inputs it reads ahead are another department's) or absent (an
        // envelope queued before the department travelled with it) must decide on the request's own department.
        await app.Host.Services.GetRequiredService<IMessageBus>().InvokeAsync(new AutoAssign(request.Id, 0, named), ct);

        (await request.ReadAsync()).AssignedTo.ShouldBe(officer);
    }

    [Fact]
    public async Task A_supervisor_of_another_department_cannot_change_this_roster()
    {
        var supervisor = Journey.Officer(app, "molg-sup-roster", "MOLG", Roles.Supervisor);
        await app.Host.Scenario(s =>
        {
            s.As(supervisor).Post.Json(new { officerId = "x", role = "officer" }).ToUrl("/api/departments/MOI-CIVIL/officers");
            s.StatusCodeShouldBe(404);
        });
    }
}
