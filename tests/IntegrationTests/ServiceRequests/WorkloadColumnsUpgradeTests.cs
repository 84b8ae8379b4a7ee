using Marten;
using MyGovernment.Api.ServiceRequests;
using MyGovernment.Application.ServiceRequests;
using MyGovernment.Application.Staff;
using MyGovernment.Domain.ServiceRequests;
using MyGovernment.IntegrationTests.Support;
using MyGovernment.Projections.ServiceRequests;
using Shouldly;

namespace MyGovernment.IntegrationTests.ServiceRequests;

/// <summary>
/// The workload count reads duplicated columns (issue 16). A database from before them holds requests whose columns
/// do not exist yet: when the schema update adds them they must be filled from the rows' JSON, or the automatic
/// assignment would see the officers of an upgraded database as idle and pile new requests on the busiest.
/// </summary>
public sealed class WorkloadColumnsUpgradeTests(AppFixture app)
{
    private const string Schema = "upgrade";

    [Fact]
    public async Task Requests_written_before_the_columns_existed_are_counted_after_the_schema_update()
    {
        var ct = TestContext.Current.CancellationToken;
        var connectionString = await ScratchDatabase.CreateAsync(app.ConnectionString, "mygov_upgrade_");
        using (var before = Store(connectionString, withWorkloadColumns: false))
        {
            await before.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
            (await IndexesAsync(connectionString, ct)).ShouldContain("ix_srd_held_department_assignee");
            await using var session = before.LightweightSession();
            session.Store(
                Request("MOL", "officer-a", ServiceRequestStatus.InReview),
                Request("MOL", "officer-a", ServiceRequestStatus.AwaitingApplicant),
                Request("MOL", "officer-b", ServiceRequestStatus.Reopened),
                // Not held: decided, waiting in the queue with nobody, or in another department.
                Request("MOL", "officer-b", ServiceRequestStatus.Approved),
                Request("MOL", null, ServiceRequestStatus.Submitted),
                Request("MOH", "officer-c", ServiceRequestStatus.InReview));
            await session.SaveChangesAsync(ct);
        }

        using var after = Store(connectionString, withWorkloadColumns: true);
        await after.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        await using (var session = after.LightweightSession())
        {
            session.Store(Request("MOL", "officer-b", ServiceRequestStatus.Referred));
            await session.SaveChangesAsync(ct);
        }

        await using var query = after.QuerySession();
        var batch = query.CreateBatchQuery();
        var loads = batch.AddItem(new OpenAssignmentsQuery("MOL"));
        await batch.Execute(ct);

        (await loads).ShouldBe(new Dictionary<string, int> { ["officer-a"] = 2, ["officer-b"] = 2 }, ignoreOrder: true);
        // The previous release's index over the JSON, now read by nothing, is dropped rather than kept up on every write.
        (await IndexesAsync(connectionString, ct)).ShouldBe(
            ["ix_srd_applicant_service_submitted", "ix_srd_decision_department",
             ServiceRequestIndexes.OpenByDepartmentAndAssignee, "ix_srd_unfinished_applicant_service", "pkey_mt_doc_servicerequestdetails_id",
             "ix_srd_timer_check_at", "ix_srd_timer_decided_at", "ix_srd_timer_fee_assessed_at", "ix_srd_timer_information_requested_at"],
            ignoreOrder: true);
    }

    private static async Task<List<string>> IndexesAsync(string connectionString, CancellationToken ct) =>
        [.. (await SchemaUpgrades.IndexesAsync(connectionString, Schema, ct)).Where(i => i.Table == "mt_doc_servicerequestdetails").Select(i => i.Name)];

    private static DocumentStore Store(string connectionString, bool withWorkloadColumns) => SchemaUpgrades.Store(connectionString, Schema, opts =>
    {
        if (withWorkloadColumns)
        {
            ServiceRequestIndexes.Apply(opts);
        }
        else
        {
            // The workload count's index as the previous release declared it: over the JSON.
            var serializer = opts.Serializer();
            opts.Schema.For<ServiceRequestDetails>().Index([r => r.CurrentDepartment!, r => r.AssignedTo!], i =>
            {
                i.Name = "ix_srd_held_department_assignee";
                i.Predicate = RequestStatusSql.IsOneOf(serializer, RequestStatusSql.Held);
            });
        }
    });

    private static ServiceRequestDetails Request(string department, string? officer, ServiceRequestStatus status) => new()
    {
        Id = Guid.NewGuid(),
        CurrentDepartment = department,
        AssignedTo = officer,
        Status = status,
    };
}
