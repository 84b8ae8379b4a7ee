using JasperFx.Events;
using Microsoft.Extensions.DependencyInjection;
using MyGovernment.Api.Identity;
using MyGovernment.Api.ServiceRequests;
using MyGovernment.Application.ServiceRequests;
using MyGovernment.Domain.Common;
using MyGovernment.Domain.ServiceRequests;
using MyGovernment.IntegrationTests.Catalog;
using MyGovernment.IntegrationTests.Support;
using Shouldly;
using Wolverine;

namespace MyGovernment.IntegrationTests.ReadModels;

/// <summary>
/// A department of its own (so tests beside it cannot move its numbers), requests driven through every kind of
/// outcome, and the queue, "my assignments" and workload figures compared with the same figures computed here
/// independently, straight from the requests' event streams.
/// </summary>
public sealed class DepartmentFiguresTests(AppFixture app)
{
    [Fact]
    public async Task Queue_assignments_and_workload_figures_match_a_fold_of_the_event_streams()
    {
        var ct = TestContext.Current.CancellationToken;
        var admin = app.AdminToken();
        var department = CatalogAdmin.NewCode("D");
        await app.Post(admin, "/api/admin/departments", new { code = department, nameAr = "دائرة الأرقام", nameEn = "Figures Directorate" }, 201);
        var service = CatalogAdmin.NewCode("T");
        await app.Post(admin, "/api/admin/services", CatalogAdmin.Definition(service, isPaid: false, department: department), 201);
        await app.Post(admin, $"/api/admin/services/{service}/publish", new { }, 200);

        var officerA = Journey.Officer(app, "fig-a-" + department, department);
        var officerB = Journey.Officer(app, "fig-b-" + department, department);
        var supervisor = Journey.Officer(app, "fig-sup-" + department, department, Roles.Supervisor);
        var bus = app.Host.Services.GetRequiredService<IMessageBus>();
        async Task<Journey> Submit() => await new Journey(app, service).SubmitAsync(new { fullName = "Rana Haddad" });

        var unassigned = await Submit();
        var heldByA = await Submit();
        await heldByA.SendAsync(officerA, "claim");
        var awaitingApplicant = await Submit();
        await awaitingApplicant.SendAsync(officerB, "claim");
        await awaitingApplicant.SendAsync(officerB, "information-requests", new { message = "Copy of ID" }, 201);
        await awaitingApplicant.ReadAsync();
        var rejectedInTime = await Submit();
        await rejectedInTime.SendAsync(officerA, "claim");
        await rejectedInTime.SendAsync(officerA, "decision/propose", new { outcome = "Reject", reasonCode = "ineligible", note = "No" });
        var withdrawn = await Submit();
        await withdrawn.SendAsync(officerA, "claim");
        await withdrawn.SendAsync(withdrawn.CitizenToken, "withdraw", new { reason = "Not needed" });
        var reopened = await Submit();
        await reopened.SendAsync(officerB, "claim");
        await reopened.SendAsync(officerB, "decision/propose", new { outcome = "Reject", reasonCode = "ineligible", note = "No" });
        await reopened.SendAsync(reopened.CitizenToken, "appeal", new { grounds = "Wrong record" });
        var late = await Submit();
        await late.SendAsync(officerB, "claim");
        await late.SupplyDocumentsAsync(app);
        using (TestClock.Advance(TimeSpan.FromDays(12)))
        {
            await late.SendAsync(officerB, "decision/propose", new { outcome = "Approve", note = "Late but fine" });
        }
        var overdue = await Submit();
        using (TestClock.Advance(TimeSpan.FromDays(12)))
        {
            await bus.InvokeAsync(new CheckSla(overdue.Id), ct);
        }
        Journey[] all = [unassigned, heldByA, awaitingApplicant, rejectedInTime, withdrawn, reopened, late, overdue];
        await DurableInbox.DrainedAsync(app, [.. all.Select(j => j.Id)]);

        var expected = await FoldAsync(department, all.Select(j => j.Id), ct);

        // The supervisor's workload.
        var workload = (await (await app.Host.Scenario(s => s.As(supervisor).Get.Url($"/api/departments/{department}/workload"))).ReadAsJsonAsync<DepartmentWorkload>())!;
        workload.Open.ShouldBe(expected.Open.Count);
        workload.Unassigned.ShouldBe(expected.Open.Count(r => r.AssignedTo is null));
        workload.Overdue.ShouldBe(expected.Open.Count(r => r.Overdue));
        workload.OldestWaitingSince.ShouldBe(expected.Open.Where(r => r.AssignedTo is null).Min(r => r.QueuedAt));
        workload.Officers.Select(o => (o.OfficerId, o.Open, o.Overdue)).ShouldBe(
            expected.Open.Where(r => r.AssignedTo is not null).GroupBy(r => r.AssignedTo!)
                .Select(g => (g.Key, g.Count(), g.Count(r => r.Overdue)))
                .OrderByDescending(o => o.Item2).ThenBy(o => o.Key, StringComparer.Ordinal));
        workload.Decided.ShouldBe(expected.Decided);
        workload.DecidedWithinSla.ShouldBe(expected.DecidedWithinSla);
        // And the fold agrees with what the scenario did, so neither side can be trivially empty.
        (expected.Open.Count, expected.Decided, expected.DecidedWithinSla).ShouldBe((6, 3, 2));

        // The officers' queue: exactly the open requests, first come first served, paged two at a time.
        var queue = await app.AllPagesAsync<QueueItem>(officerA, $"/api/departments/{department}/queue?limit=2");
        queue.Select(i => i.Id).ShouldBe(expected.Open.OrderBy(r => r.QueuedAt).ThenBy(r => r.Id).Select(r => r.Id));
        queue.Single(i => i.Id == overdue.Id).Flags.ShouldBe(RequestFlags.Overdue | RequestFlags.Escalated);
        queue.ShouldAllBe(i => i.SlaDueDate != null);
        (await app.AllPagesAsync<QueueItem>(officerA, $"/api/departments/{department}/queue?overdue=true")).Select(i => i.Id).ShouldBe([overdue.Id]);
        (await app.AllPagesAsync<QueueItem>(officerA, $"/api/departments/{department}/queue?status=AwaitingApplicant")).Select(i => i.Id).ShouldBe([awaitingApplicant.Id]);
        (await app.AllPagesAsync<QueueItem>(officerA, $"/api/departments/{department}/queue?service={service.ToLowerInvariant()}")).Count.ShouldBe(6);
        (await app.AllPagesAsync<QueueItem>(app.TokenFor("auditor-fig", Roles.Auditor), "/api/departments/MOLG/queue?service=" + service)).ShouldBeEmpty();

        // My assignments: officer B still holds the one awaiting the applicant and the approved one (awaiting issue); the
        // reopened one went back to the queue unassigned.
        var mine = await app.AllPagesAsync<QueueItem>(officerB, "/api/me/assignments?limit=1");
        mine.Select(i => i.Id).ShouldBe(expected.Open.Where(r => r.AssignedTo == "fig-b-" + department).OrderBy(r => r.QueuedAt).Select(r => r.Id));
        mine.Select(i => i.Id).ShouldBe([awaitingApplicant.Id, late.Id]);
    }

    private sealed record OpenRequest(Guid Id, string? AssignedTo, bool Overdue, DateTimeOffset QueuedAt);

    private sealed record Figures(IReadOnlyList<OpenRequest> Open, int Decided, int DecidedWithinSla);

    /// <summary>The figures from the raw events, without the read model: a small fold of its own.</summary>
    private async Task<Figures> FoldAsync(string department, IEnumerable<Guid> ids, CancellationToken ct)
    {
        await using var session = app.Store.QuerySession();
        var open = new List<OpenRequest>();
        int decided = 0, withinSla = 0;
        foreach (var id in ids)
        {
            string? at = null, holder = null;
            bool ended = false, isOverdue = false;
            DateTimeOffset queuedAt = default;
            DateOnly? due = null;
            IEvent? decision = null;
            DateOnly? dueAtDecision = null;
            foreach (var e in await session.Events.FetchStreamAsync(id, token: ct))
            {
                switch (e.Data)
                {
                    case StepEntered x: (at, holder, ended, queuedAt) = (x.DepartmentCode, null, false, x.EligibleAt); break;
                    case SlaClockStarted x: due = x.DueDate; break;
                    case ApplicantResponded x: due = x.NewDueDate; break;
                    case RequestAssigned x: holder = x.OfficerId; break;
                    case StepCompleted: holder = null; break;
                    case RequestReopened: holder = null; break;
                    case RequestMarkedOverdue: isOverdue = true; break;
                    case RequestApproved: (decision, dueAtDecision) = (e, due); break;
                    case RequestRejected: (decision, dueAtDecision, ended) = (e, due, true); break;
                    case RequestWithdrawn or RequestAbandoned or RequestClosed or DocumentIssued: ended = true; break;
                }
            }
            if (at == department && !ended)
            {
                open.Add(new OpenRequest(id, holder, isOverdue, queuedAt));
            }
            var (by, decidedAt) = decision?.Data switch
            {
                RequestApproved a => (a.By, a.At),
                RequestRejected r => (r.By, r.At),
                _ => (null, default(DateTimeOffset)),
            };
            if (by?.Department == department)
            {
                decided++;
                withinSla += PalestineTime.LocalDate(decidedAt) <= dueAtDecision ? 1 : 0;
            }
        }
        return new Figures(open, decided, withinSla);
    }
}
