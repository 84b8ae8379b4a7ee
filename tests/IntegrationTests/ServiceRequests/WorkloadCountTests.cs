using Microsoft.Extensions.Options;
using MyGovernment.Application.ServiceRequests;
using MyGovernment.Application.Staff;
using MyGovernment.Domain.ServiceRequests;
using MyGovernment.Domain.Staff;
using MyGovernment.IntegrationTests.Catalog;
using MyGovernment.IntegrationTests.Support;
using Shouldly;

namespace MyGovernment.IntegrationTests.ServiceRequests;

/// <summary>
/// The automatic assignment's workload count on the real read model: read once per interval per department, then
/// served from memory with this node's own assignments added (the per-submission count used to read every held request).
/// </summary>
public sealed class WorkloadCountTests(AppFixture app)
{
    [Fact]
    public async Task Within_the_interval_the_count_is_served_without_a_read_and_includes_this_nodes_assignments()
    {
        var ct = TestContext.Current.CancellationToken;
        var (department, officers) = await DepartmentWithOfficersAsync(2);
        var first = await new Journey(app, await FreeServiceAsync(department)).SubmitAsync(new { fullName = "Rana Haddad" });
        var holder = (await first.ReadAsync()).AssignedTo.ShouldNotBeNull();
        var other = officers.Single(o => o != holder);
        var workload = Workload(TimeSpan.FromHours(1));

        await using var session = app.Store.LightweightSession();
        var read = session.CreateBatchQuery();
        var counted = workload.OpenAssignments(read, department);
        counted.IsCompleted.ShouldBeFalse("the first call of a department joins the batch");
        await read.Execute(ct);
        (await counted).ShouldBe(new Dictionary<string, int> { [holder] = 1 });

        workload.Assigned(department, other);
        var served = workload.OpenAssignments(session.CreateBatchQuery(), department);
        served.IsCompleted.ShouldBeTrue("within the interval nothing is read");
        (await served).ShouldBe(new Dictionary<string, int> { [holder] = 1, [other] = 1 });
    }

    [Fact]
    public async Task With_a_zero_interval_every_call_reads_the_read_model()
    {
        var ct = TestContext.Current.CancellationToken;
        var (department, _) = await DepartmentWithOfficersAsync(1);
        var workload = Workload(TimeSpan.Zero);
        await using var session = app.Store.LightweightSession();

        for (var i = 0; i < 2; i++)
        {
            var read = session.CreateBatchQuery();
            var counted = workload.OpenAssignments(read, department);
            counted.IsCompleted.ShouldBeFalse();
            await read.Execute(ct);
            (await counted).ShouldBeEmpty();
        }
    }

    [Fact]
    public async Task Round_robin_reads_no_count()
    {
        var (department, _) = await DepartmentWithOfficersAsync(1);
        var workload = new OfficerWorkload(new WorkloadSnapshots(), TimeProvider.System,
            Options.Create(new LifecycleOptions { AssignmentPolicy = AssignmentPolicy.RoundRobin, WorkloadRefresh = TimeSpan.Zero }));
        await using var session = app.Store.LightweightSession();

        var counted = workload.OpenAssignments(session.CreateBatchQuery(), department);

        counted.IsCompleted.ShouldBeTrue();
        (await counted).ShouldBeEmpty();
    }

    [Fact]
    public async Task Round_robin_rotates_from_the_stored_cursor_and_least_loaded_from_this_nodes_last_assignment()
    {
        var ct = TestContext.Current.CancellationToken;
        var (department, _) = await DepartmentWithOfficersAsync(1);
        await using var session = app.Store.LightweightSession();
        session.Store(new AssignmentCursor { Id = department, LastAssigned = "stored-officer" });
        await session.SaveChangesAsync(ct);

        var roundRobin = new OfficerWorkload(new WorkloadSnapshots(), TimeProvider.System,
            Options.Create(new LifecycleOptions { AssignmentPolicy = AssignmentPolicy.RoundRobin }));
        var read = session.CreateBatchQuery();
        var stored = roundRobin.Cursor(read, department);
        await read.Execute(ct);
        (await stored).LastAssigned.ShouldBe("stored-officer");

        var leastLoaded = Workload(TimeSpan.FromHours(1));
        var own = leastLoaded.Cursor(session.CreateBatchQuery(), department);
        own.IsCompleted.ShouldBeTrue("least loaded reads no cursor");
        (await own).LastAssigned.ShouldBeNull();
        leastLoaded.Assigned(department, "this-node-officer");
        (await leastLoaded.Cursor(session.CreateBatchQuery(), department)).LastAssigned.ShouldBe("this-node-officer");
    }

    [Fact]
    public async Task A_least_loaded_assignment_writes_no_shared_cursor_row()
    {
        var (department, _) = await DepartmentWithOfficersAsync(2);
        var request = await new Journey(app, await FreeServiceAsync(department)).SubmitAsync(new { fullName = "Rana Haddad" });
        (await request.ReadAsync()).AssignedTo.ShouldNotBeNull();

        await using var session = app.Store.QuerySession();
        (await session.LoadAsync<AssignmentCursor>(department, TestContext.Current.CancellationToken))
            .ShouldBeNull("every assignment in the department would wait for the one before it to commit");
    }

    [Fact]
    public async Task Submissions_to_a_department_spread_over_its_officers_from_one_count()
    {
        var (department, officers) = await DepartmentWithOfficersAsync(3);
        var service = await FreeServiceAsync(department);

        var assigned = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            var request = await new Journey(app, service).SubmitAsync(new { fullName = "Rana Haddad" });
            var details = await request.ReadAsync();
            details.Status.ShouldBe(ServiceRequestStatus.InReview);
            assigned.Add(details.AssignedTo.ShouldNotBeNull());
        }

        // Least loaded, whether each submission counted or used the count plus this node's assignments since.
        assigned.GroupBy(o => o).Select(g => g.Count()).ShouldAllBe(n => n == 2);
        assigned.Distinct().ShouldBe(officers, ignoreOrder: true);
    }

    private OfficerWorkload Workload(TimeSpan refresh) =>
        new(new WorkloadSnapshots(), TimeProvider.System, Options.Create(new LifecycleOptions { WorkloadRefresh = refresh }));

    private async Task<(string Department, string[] Officers)> DepartmentWithOfficersAsync(int count)
    {
        var admin = app.AdminToken();
        var department = CatalogAdmin.NewCode("W");
        await app.Post(admin, "/api/admin/departments", new { code = department, nameAr = "دائرة العبء", nameEn = "Workload Directorate" }, 201);
        var officers = Enumerable.Range(1, count).Select(i => $"load{i}-{department.ToLowerInvariant()}").ToArray();
        foreach (var officer in officers)
        {
            await app.Post(admin, $"/api/departments/{department}/officers", new { officerId = officer, nationalId = Citizens.NewNationalId(), role = "officer" }, 200);
        }
        return (department, officers);
    }

    private async Task<string> FreeServiceAsync(string department)
    {
        var admin = app.AdminToken();
        var service = CatalogAdmin.NewCode("T");
        await app.Post(admin, "/api/admin/services", CatalogAdmin.Definition(service, isPaid: false, department: department), 201);
        await app.Post(admin, $"/api/admin/services/{service}/publish", new { }, 200);
        return service;
    }
}
