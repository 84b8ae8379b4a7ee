using Marten;
using Marten.Linq;
using MyGovernment.Application.ServiceRequests;
using MyGovernment.IntegrationTests.Support;
using Npgsql;
using Shouldly;

namespace MyGovernment.IntegrationTests.ServiceRequests;

/// <summary>
/// The four timer columns of a request's row are indexed only where set (issue 16: a full index took an entry for
/// every null on every write of the row). The sweep's query must still read those partial indexes, which PostgreSQL
/// does only when it proves each condition implies the index's; otherwise it reads the whole table every second.
/// </summary>
public sealed class SlaSweepQueryPlanTests(AppFixture app)
{
    private static readonly string[] TimerColumns =
    [
        RequestColumns.TimerCheckAt, RequestColumns.TimerFeeAssessedAt, RequestColumns.TimerInformationRequestedAt, RequestColumns.TimerDecidedAt,
    ];

    [Fact]
    public async Task The_timer_columns_are_indexed_only_where_set()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync(ct);
        await using var query = new NpgsqlCommand("select indexname, indexdef from pg_indexes where schemaname = 'mygov' and tablename = 'mt_doc_servicerequestdetails'", connection);
        var definitions = new Dictionary<string, string>();
        await using var reader = await query.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            definitions[reader.GetString(0)] = reader.GetString(1);
        }
        foreach (var column in TimerColumns)
        {
            definitions["ix_srd_" + column].ShouldEndWith($"({column}) WHERE ({column} IS NOT NULL)");
        }
    }

    [Fact]
    public async Task The_sweep_reads_the_four_partial_indexes_and_not_the_table()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var session = app.Store.QuerySession();
        var now = DueTimers.At(DateTimeOffset.UtcNow, new LifecycleOptions());
        await using var command = SlaSweep.Due(session, now, [Guid.NewGuid()], 100).ToCommand(FetchType.FetchMany);
        var text = await QueryPlans.ExplainAsync(app.ConnectionString, command, ct);
        text.ShouldNotContain("Seq Scan");
        foreach (var column in TimerColumns)
        {
            text.ShouldContain("ix_srd_" + column);
        }
    }
}
