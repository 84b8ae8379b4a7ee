using System.Security.Cryptography;
using System.Text;
using JasperFx.Events.Projections;
using Marten;
using Marten.Events;
using MyGovernment.IntegrationTests.Support;
using MyGovernment.Projections.AccessLog;
using MyGovernment.Projections.Catalog;
using MyGovernment.Projections.Ledger;
using MyGovernment.Projections.Payments;
using MyGovernment.Projections.Reconciliation;
using MyGovernment.Projections.ServiceRequests;
using Npgsql;
using Shouldly;

namespace MyGovernment.IntegrationTests.ReadModels;

[CollectionDefinition(nameof(RunsAlone), DisableParallelization = true)]
public sealed class RunsAlone;

/// <summary>
/// Runs after the parallel tests, on everything they wrote: a rebuild of each projection from the events gives
/// exactly the rows the live projection had, and the async daemon has dead-lettered nothing.
/// </summary>
[Collection(nameof(RunsAlone))]
public sealed class ProjectionRebuildTests(AppFixture app)
{
    public static TheoryData<Type, string> Projections => new()
    {
        { typeof(ServiceRequestDetailsProjection), "mt_doc_servicerequestdetails" },
        { typeof(IssuedDocumentProjection), "mt_doc_issueddocument" },
        { typeof(ServiceCatalogEntryProjection), "mt_doc_servicecatalogentry" },
        { typeof(DepartmentEntryProjection), "mt_doc_departmententry" },
        { typeof(PublicHolidayCalendarProjection), "mt_doc_publicholidaycalendar" },
        { typeof(MyGovernment.Application.Catalog.HolidayCalendarWriteModelProjection), "mt_doc_holidaycalendar" },
        { typeof(AccessLogProjection), "mt_doc_accesslogentry" },
        { typeof(PaymentDetailsProjection), "mt_doc_paymentdetails" },
        { typeof(RefundDetailsProjection), "mt_doc_refunddetails" },
        { typeof(ReconciliationDetailsProjection), "mt_doc_reconciliationdetails" },
        { typeof(RevenueLedgerProjection), "mt_doc_ledgerentry" },
    };

    [Fact]
    public void Every_projection_that_writes_rows_is_rebuilt_here()
    {
        var stored = ((StoreOptions)app.Store.Options).Projections.All
            .Where(p => p.Lifecycle != ProjectionLifecycle.Live)
            .Select(p => p.GetType())
            .ToHashSet();
        stored.ShouldBe(Projections.Select(row => (Type)row.Data.Item1).ToHashSet(), ignoreOrder: true);
    }

    [Theory]
    [MemberData(nameof(Projections))]
    public async Task Rebuilding_a_projection_reproduces_the_live_rows_exactly(Type projection, string table)
    {
        var ct = TestContext.Current.CancellationToken;
        await app.Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));
        var before = await HashAsync(table, ct);
        before.Rows.ShouldBeGreaterThan(0, $"the suite wrote no rows to {table}");

        using var daemon = await app.Store.BuildProjectionDaemonAsync();
        await daemon.RebuildProjectionAsync(projection, TimeSpan.FromMinutes(2), ct);

        (await HashAsync(table, ct)).ShouldBe(before);
    }

    [Fact]
    public async Task The_calendar_projections_keep_one_row_for_the_one_calendar_stream()
    {
        foreach (var table in new[] { "mt_doc_publicholidaycalendar", "mt_doc_holidaycalendar" })
        {
            (await HashAsync(table, TestContext.Current.CancellationToken)).Rows.ShouldBe(1, table);
        }
    }

    [Fact]
    public async Task The_async_daemon_dead_lettered_nothing()
    {
        await app.Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var count = new NpgsqlCommand("select count(*) from mygov.mt_doc_deadletterevent", connection);
        ((long)(await count.ExecuteScalarAsync(TestContext.Current.CancellationToken))!).ShouldBe(0);
    }

    private async Task<(long Rows, string Hash)> HashAsync(string table, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync(ct);
        await using var query = new NpgsqlCommand($"select id::text, data::text from mygov.{table} order by id", connection);
        await using var reader = await query.ExecuteReaderAsync(ct);
        var all = new StringBuilder();
        long rows = 0;
        while (await reader.ReadAsync(ct))
        {
            all.Append(reader.GetString(0)).Append('|').Append(reader.GetString(1)).Append('\n');
            rows++;
        }
        return (rows, Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(all.ToString()))));
    }
}
