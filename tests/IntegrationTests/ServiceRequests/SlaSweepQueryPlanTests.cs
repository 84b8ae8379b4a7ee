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

    /// <summary>
    /// The every-second probe must not depend on statistics: in the benchmark's warm-up (a table growing faster than
    /// autovacuum analyzes it) PostgreSQL planned the four-condition query as a read of the whole table. Here, in a
    /// transaction rolled back, the table holds 20,000 requests waiting on a future check and has no statistics, and
    /// sequential scans stay allowed (the four-condition query reads the whole table in this state).
    /// </summary>
    [Fact]
    public async Task The_probe_reads_the_four_partial_indexes_on_a_large_table_without_statistics()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(app.ConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using (var misleading = new NpgsqlCommand(
            $$"""
            insert into mygov.mt_doc_servicerequestdetails (id, data, {{RequestColumns.TimerCheckAt}})
                select gen_random_uuid(), '{}'::jsonb, now() + interval '1 day' + g * interval '1 second' from generate_series(1, 20000) g;
            delete from pg_statistic where starelid = 'mygov.mt_doc_servicerequestdetails'::regclass
            """, connection, transaction))
        {
            await misleading.ExecuteNonQueryAsync(ct);
        }
        await using var probe = SlaSweep.AnyDueCommand(app.Store, DueTimers.At(DateTimeOffset.UtcNow, new LifecycleOptions()));
        probe.Connection = connection;
        probe.Transaction = transaction;
        probe.CommandText = "explain " + probe.CommandText;
        var plan = new List<string>();
        await using (var reader = await probe.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                plan.Add(reader.GetString(0));
            }
        }
        await transaction.RollbackAsync(ct);
        var text = string.Join('\n', plan);
        text.Contains("Seq Scan", StringComparison.Ordinal).ShouldBeFalse(text);
        foreach (var column in TimerColumns)
        {
            text.ShouldContain("ix_srd_" + column);
        }
    }
}
