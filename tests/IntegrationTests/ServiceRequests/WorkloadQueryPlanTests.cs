using Marten;
using Marten.Linq;
using MyGovernment.IntegrationTests.Support;
using MyGovernment.Projections.ServiceRequests;
using Shouldly;
using Weasel.Core;

namespace MyGovernment.IntegrationTests.ServiceRequests;

/// <summary>
/// The decisions index holds only decided requests (issue 16: the writes of a request before its decision skip it).
/// The workload's counts must still read it, which PostgreSQL does only when it proves their condition implies the
/// index's; and the index as declared must be the index as stored, or every start would rebuild it.
/// </summary>
public sealed class WorkloadQueryPlanTests(AppFixture app)
{
    [Fact]
    public async Task The_decided_count_reads_the_partial_index_of_decided_requests()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var session = app.Store.QuerySession();
        await using var command = session.Query<ServiceRequestDetails>().Where(r => r.Decision!.Department == "MOL").ToCommand(FetchType.Count);

        var plan = await QueryPlans.ExplainAsync(app.ConnectionString, command, ct, "set enable_bitmapscan = off");

        plan.ShouldContain("ix_srd_decision_department");
        plan.ShouldNotContain("Seq Scan");
    }

    [Fact]
    public async Task The_stored_request_table_matches_its_declaration()
    {
        var ct = TestContext.Current.CancellationToken;
        var feature = ((DocumentStore)app.Store).Options.Storage.FindFeature(typeof(ServiceRequestDetails));
        var migration = await app.Store.Storage.Database.CreateMigrationAsync(feature, ct);
        var writer = new StringWriter();
        foreach (var delta in migration.Deltas.Where(d => d.Difference != SchemaPatchDifference.None))
        {
            delta.WriteUpdate(new Weasel.Postgresql.PostgresqlMigrator(), writer);
        }
        migration.Difference.ShouldBe(SchemaPatchDifference.None, writer.ToString());

        await using var connection = new Npgsql.NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync(ct);
        await using var definition = new Npgsql.NpgsqlCommand("select indexdef from pg_indexes where schemaname = 'mygov' and indexname = 'ix_srd_decision_department'", connection);
        ((string)(await definition.ExecuteScalarAsync(ct))!).ShouldEndWith("WHERE (((data -> 'decision'::text) ->> 'department'::text) IS NOT NULL)");
    }
}
