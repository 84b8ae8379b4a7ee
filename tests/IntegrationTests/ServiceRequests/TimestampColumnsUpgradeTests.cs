using Marten;
using Microsoft.Extensions.Logging.Abstractions;
using MyGovernment.Api.Hosting;
using MyGovernment.Api.ServiceRequests;
using MyGovernment.Application.Idempotency;
using MyGovernment.Application.ServiceRequests;
using MyGovernment.Domain.ServiceRequests;
using MyGovernment.IntegrationTests.Support;
using MyGovernment.Projections.ServiceRequests;
using Shouldly;

namespace MyGovernment.IntegrationTests.ServiceRequests;

/// <summary>
/// The submission time of a request and the expiry of an idempotency record moved from indexes over the JSON into
/// columns (issue 16). A database of the previous release holds rows without those columns: the schema update must
/// fill them from the JSON, or the duplicate check would miss the earliest open request of every old request's
/// applicant, and expired keys written before the upgrade would never be purged.
/// </summary>
public sealed class TimestampColumnsUpgradeTests(AppFixture app)
{
    private const string Schema = "upgrade_ts";
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Rows_written_before_the_columns_existed_are_ordered_and_purged_by_them_after_the_schema_update()
    {
        var ct = TestContext.Current.CancellationToken;
        var connectionString = await ScratchDatabase.CreateAsync(app.ConnectionString, "mygov_upgrade_ts_");
        var earliestOpen = Request(Start.AddHours(1), ServiceRequestStatus.InReview);
        using (var before = Store(connectionString, upgraded: false))
        {
            await before.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
            await using var session = before.LightweightSession();
            session.Store(
                Request(Start, ServiceRequestStatus.Withdrawn), // earlier, but finished
                Request(Start.AddHours(3), ServiceRequestStatus.Submitted),
                earliestOpen);
            session.Store(
                Record("expired", Start.AddHours(-1)),
                Record("live", DateTimeOffset.UtcNow.AddDays(1)));
            await session.SaveChangesAsync(ct);
        }
        (await IndexDefinitionsAsync(connectionString, ct)).ShouldAllBe(d => d.Contains("mt_immutable_timestamptz"));

        using var after = Store(connectionString, upgraded: true);
        await after.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        await using (var session = after.LightweightSession())
        {
            // Written with the column: were the old rows' columns left empty, it would sort before them.
            session.Store(Request(Start.AddHours(2), ServiceRequestStatus.InReview));
            await session.SaveChangesAsync(ct);
        }

        await using (var query = after.QuerySession())
        {
            var batch = query.CreateBatchQuery();
            var open = batch.AddItem(new OpenRequestQuery("applicant-1", "SVC-1"));
            await batch.Execute(ct);
            (await open).ShouldBe(earliestOpen.Id);
        }

        await new IdempotencyPurge(after, TimeProvider.System, NullLogger<IdempotencyPurge>.Instance).PurgeAsync(ct);
        await using (var query = after.QuerySession())
        {
            (await query.LoadAsync<IdempotencyRecord>("expired", ct)).ShouldBeNull();
            (await query.LoadAsync<IdempotencyRecord>("live", ct)).ShouldNotBeNull();
        }
        // The indexes now read the columns, so no write or read runs the SQL function any more.
        (await IndexDefinitionsAsync(connectionString, ct)).ShouldAllBe(d => !d.Contains("mt_immutable_timestamptz"));
    }

    /// <summary>
    /// Every table a submission or an approval writes (the request with its timers, the idempotency record, the notice
    /// and its deliveries), in the host's own schema: no index there may run the SQL function.
    /// </summary>
    [Fact]
    public async Task No_index_of_a_table_commands_write_runs_the_sql_function()
    {
        string[] written = ["mt_doc_servicerequestdetails", "mt_doc_idempotencyrecord", "mt_doc_notification", "mt_doc_notificationdelivery"];
        var indexes = (await SchemaUpgrades.IndexesAsync(app.ConnectionString, MartenSetup.Schema, TestContext.Current.CancellationToken))
            .Where(i => written.Contains(i.Table)).ToList();
        indexes.Select(i => i.Table).Distinct().Count().ShouldBe(written.Length);
        indexes.Where(i => i.Definition.Contains("mt_immutable_timestamptz")).Select(i => i.Name).ShouldBeEmpty();
    }

    /// <summary>The definitions of the indexes over a request's submission time and a record's expiry.</summary>
    private static async Task<List<string>> IndexDefinitionsAsync(string connectionString, CancellationToken ct)
    {
        string[] names = ["ix_srd_unfinished_applicant_service", "ix_srd_applicant_service_submitted", "mt_doc_idempotencyrecord_idx_expires_at"];
        var definitions = (await SchemaUpgrades.IndexesAsync(connectionString, Schema, ct)).Where(i => names.Contains(i.Name)).Select(i => i.Definition).ToList();
        definitions.Count.ShouldBe(names.Length);
        return definitions;
    }

    private static DocumentStore Store(string connectionString, bool upgraded) => SchemaUpgrades.Store(connectionString, Schema, opts =>
    {
        if (upgraded)
        {
            ServiceRequestIndexes.Apply(opts);
            IdempotencyStorage.Map(opts);
            return;
        }
        // The previous release's indexes, over the JSON.
        var serializer = opts.Serializer();
        var details = opts.Schema.For<ServiceRequestDetails>();
        details.Index([r => r.ApplicantId, r => r.ServiceCode, r => r.SubmittedAt], i => i.Name = "ix_srd_applicant_service_submitted");
        details.Index([r => r.ApplicantId, r => r.ServiceCode, r => r.SubmittedAt], i =>
        {
            i.Name = "ix_srd_unfinished_applicant_service";
            i.Predicate = RequestStatusSql.IsUnfinished(serializer);
        });
        opts.Schema.For<IdempotencyRecord>().Index(r => r.ExpiresAt);
    });

    private static ServiceRequestDetails Request(DateTimeOffset submittedAt, ServiceRequestStatus status) => new()
    {
        Id = Guid.NewGuid(),
        ApplicantId = "applicant-1",
        ServiceCode = "SVC-1",
        Status = status,
        SubmittedAt = submittedAt,
    };

    private static IdempotencyRecord Record(string id, DateTimeOffset expiresAt) =>
        new(id, "hash", "{}", expiresAt.AddHours(-72), expiresAt);
}
