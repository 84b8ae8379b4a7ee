using Marten;
using Marten.Internal;
using Marten.Linq;
using Marten.Linq.QueryHandlers;
using MyGovernment.Api.ServiceRequests;
using MyGovernment.Application.ServiceRequests;
using MyGovernment.Application.Staff;
using MyGovernment.IntegrationTests.Support;
using MyGovernment.Projections.ServiceRequests;
using Npgsql;
using Shouldly;
using Weasel.Postgresql;

namespace MyGovernment.IntegrationTests.ServiceRequests;

/// <summary>
/// The two reads every submission makes must be able to use the partial indexes over the requests still in play,
/// or their cost grows with every request an applicant or a department ever had (issue 16: measured 0.3 ms each
/// after a few thousand requests). PostgreSQL uses a partial index only when it proves the query implies its
/// condition; these plans fail if the query's spelling and the index's drift apart.
/// </summary>
public sealed class SubmissionQueryPlanTests(AppFixture app)
{
    // In the index's order: the earliest open request is its first entry, however many the applicant has open.
    [Fact]
    public async Task The_duplicate_check_reads_the_first_entry_of_the_partial_index_of_unfinished_requests()
    {
        var plan = await PlanAsync(new OpenRequestQuery("400000019", "JOBSEEKER-REGISTRATION"), "set enable_bitmapscan = off");
        plan.ShouldContain("Index Scan using ix_srd_unfinished_applicant_service");
        plan.ShouldNotContain("Sort");
    }

    // Index-only: the count reads no row from the table (issue 16), which needs real columns, not the JSON. The
    // planner takes an index-only scan only for pages vacuum has marked all-visible, and prefers a bitmap scan for a
    // large share of a small table: the test database is vacuumed first and bitmap scans are left out, so the plan
    // shows whether the query can be answered from the index at all.
    [Fact]
    public async Task The_workload_count_is_an_index_only_scan_of_the_partial_index_of_open_requests()
    {
        await using (var connection = new Npgsql.NpgsqlConnection(app.ConnectionString))
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var vacuum = new Npgsql.NpgsqlCommand("vacuum (analyze) mygov.mt_doc_servicerequestdetails", connection);
            await vacuum.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }
        (await PlanAsync(new OpenAssignmentsQuery("MOL"), "set enable_bitmapscan = off"))
            .ShouldContain($"Index Only Scan using {ServiceRequestIndexes.OpenByDepartmentAndAssignee}");
    }

    // The queue shares the index (one entry per write of an open request instead of two, issue 16 part S): its page,
    // in its one order, the workload's list of open work and an officer's assignments must read it, not the
    // department's (or the country's) whole history.
    [Fact]
    public async Task Queues_workload_and_assignments_read_the_partial_index_of_open_requests()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var session = app.Store.QuerySession();
        var queue = session.Query<ServiceRequestDetails>().Where(DepartmentQueueEndpoint.IsOpenAt("MOL"));
        NpgsqlCommand[] commands =
        [
            DepartmentQueueEndpoint.FirstComeFirstServed.Sort(queue).Take(21).ToCommand(FetchType.FetchMany),
            queue.Where(r => r.AssignedTo == null).OrderBy(r => r.QueuedAt).ToCommand(FetchType.FetchOne),
            queue.Select(r => new { r.AssignedTo, r.IsOverdue }).ToCommand(FetchType.FetchMany),
            // An officer's own list: every open entry of the index, still not the table's history.
            DepartmentQueueEndpoint.FirstComeFirstServed.Sort(session.Query<ServiceRequestDetails>().Where(DepartmentQueueEndpoint.IsOpenWith("officer-1")))
                .Take(21).ToCommand(FetchType.FetchMany),
        ];
        foreach (var command in commands)
        {
            await using (command)
            {
                var plan = await QueryPlans.ExplainAsync(app.ConnectionString, command, ct, "set enable_bitmapscan = off");
                plan.ShouldContain(ServiceRequestIndexes.OpenByDepartmentAndAssignee, customMessage: command.CommandText);
                plan.ShouldNotContain("Seq Scan");
            }
        }
    }

    private async Task<string> PlanAsync<T>(IQueryHandler<T> query, string? setting = null)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var session = app.Store.QuerySession();
        var builder = new CommandBuilder();
        query.ConfigureCommand(builder, (IMartenSession)session);
        await using var command = builder.Compile();
        return await QueryPlans.ExplainAsync(app.ConnectionString, command, ct, setting);
    }
}
