using Alba;
using MyGovernment.Api.Identity;
using MyGovernment.Api.Paging;
using MyGovernment.Api.ServiceRequests;
using MyGovernment.IntegrationTests.Support;
using Shouldly;

namespace MyGovernment.IntegrationTests.ReadModels;

public sealed class OfficerReadModelTests(AppFixture app)
{
    [Fact]
    public async Task The_department_queue_is_first_come_first_served_by_when_the_step_received_each_request()
    {
        var finance = app.TokenFor("fin-q", Roles.Finance, "TREASURY");
        var form = new { tradeName = "Hebron Glass", capitalIls = "1000", activity = "Glass blowing" };
        var first = await new Journey(app, "COMMERCIAL-REGISTRATION").SubmitAsync(form);
        var second = await new Journey(app, "COMMERCIAL-REGISTRATION").SubmitAsync(form);
        var third = await new Journey(app, "COMMERCIAL-REGISTRATION").SubmitAsync(form);
        // Eligibility is payment time: pay the third first; it was submitted last but is first in line.
        foreach (var request in new[] { third, first, second })
        {
            await request.SendAsync(finance, "payments", new { paymentReference = "P-" + request.Id, amount = 350m });
        }
        var officer = Journey.Officer(app, "mne-queue-officer", "MNE");
        await first.SendAsync(officer, "claim");

        var queue = await Queue(officer, "limit=100");
        var ours = queue.Items.Where(i => i.Id == first.Id || i.Id == second.Id || i.Id == third.Id).Select(i => i.Id).ToList();
        ours.ShouldBe([third.Id, first.Id, second.Id]);
        queue.Items.Zip(queue.Items.Skip(1)).ShouldAllBe(p => p.First.QueuedAt <= p.Second.QueuedAt);

        var unassigned = await Queue(officer, "assigned=unassigned&limit=100");
        unassigned.Items.ShouldNotContain(i => i.Id == first.Id);
        var mine = await (await app.Host.Scenario(s => s.As(officer).Get.Url("/api/me/assignments?limit=100"))).ReadAsJsonAsync<Page<QueueItem>>();
        mine!.Items.Select(i => i.Id).ShouldContain(first.Id);

        var workload = await (await app.Host.Scenario(s => s.As(Journey.Officer(app, "mne-sup-q", "MNE", Roles.Supervisor))
            .Get.Url("/api/departments/MNE/workload"))).ReadAsJsonAsync<DepartmentWorkload>();
        workload!.Officers.ShouldContain(o => o.OfficerId == "mne-queue-officer" && o.Open >= 1);
        workload.Open.ShouldBeGreaterThanOrEqualTo(3);
    }

    [Fact]
    public async Task Another_departments_queue_is_hidden_from_an_officer()
    {
        await app.Host.Scenario(s =>
        {
            s.As(Journey.Officer(app, "molg-peek", "MOLG")).Get.Url("/api/departments/MNE/queue");
            s.StatusCodeShouldBe(404);
        });
        await app.Host.Scenario(s =>
        {
            s.As(app.TokenFor("auditor-q", Roles.Auditor)).Get.Url("/api/departments/MNE/queue");
            s.StatusCodeShouldBeOk();
        });
    }

    private async Task<Page<QueueItem>> Queue(string token, string query) =>
        (await (await app.Host.Scenario(s => s.As(token).Get.Url($"/api/departments/MNE/queue?{query}"))).ReadAsJsonAsync<Page<QueueItem>>())!;
}
