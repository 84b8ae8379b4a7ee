using Marten;
using Microsoft.Extensions.Logging.Abstractions;
using MyGovernment.Api.ServiceRequests;
using MyGovernment.Application.ServiceRequests;
using MyGovernment.Domain.ServiceRequests;
using MyGovernment.IntegrationTests.Support;
using MyGovernment.Projections.ServiceRequests;
using Npgsql;
using Shouldly;

namespace MyGovernment.IntegrationTests.ServiceRequests;

/// <summary>
/// A request's timers moved from a row of their own (<c>mt_doc_sladeadline</c>) into the request's row (issue 16). A
/// database of the previous release holds them in that table only: the upgrade must carry each into its request's row
/// and columns, or no timer of a request made before it would ever fire (the sweep reads the new columns).
/// </summary>
public sealed class RequestTimersUpgradeTests(AppFixture app)
{
    private const string Schema = "upgrade_timers";
    private static readonly DateTimeOffset Overdue = new(2026, 1, 15, 22, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Assessed = new(2026, 1, 8, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Timers_of_the_old_deadline_table_move_into_their_requests_rows_and_the_sweep_finds_them()
    {
        var ct = TestContext.Current.CancellationToken;
        var connectionString = await ScratchDatabase.CreateAsync(app.ConnectionString, "mygov_upgrade_timers_");
        ServiceRequestDetails late = Request(), unpaid = Request(), decided = Request();
        using (var before = SchemaUpgrades.Store(connectionString, Schema, opts => opts.Schema.For<ServiceRequestDetails>()))
        {
            await before.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
            await using var session = before.LightweightSession();
            session.Store(late, unpaid, decided);
            await session.SaveChangesAsync(ct);
        }
        // The previous release's rows: no timers in the request's JSON, a deadline row beside it (as its serializer
        // wrote it, with the id).
        await ExecuteAsync(connectionString, $$"""
            update {{Schema}}.mt_doc_servicerequestdetails set data = data - 'timers';
            create table {{Schema}}.mt_doc_sladeadline (id uuid primary key, data jsonb not null, check_at timestamptz);
            insert into {{Schema}}.mt_doc_sladeadline (id, data, check_at) values
              ('{{late.Id}}', '{"id":"{{late.Id}}","dueDate":"2026-01-15","paused":false,"decided":false,"overdue":false,"checkAt":"2026-01-15T22:00:00+00:00"}', '{{Overdue:O}}'),
              ('{{unpaid.Id}}', '{"id":"{{unpaid.Id}}","paused":false,"decided":false,"overdue":false,"feeAssessedAt":"2026-01-08T08:00:00+00:00"}', null),
              ('{{decided.Id}}', '{"id":"{{decided.Id}}","dueDate":"2026-01-15","paused":false,"decided":true,"overdue":true}', null);
            """, ct);

        using var after = SchemaUpgrades.Store(connectionString, Schema, ServiceRequestIndexes.Apply);
        await after.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        var upgrade = new RequestTimersUpgrade(after, NullLogger<RequestTimersUpgrade>.Instance);
        await upgrade.StartAsync(ct);

        await using (var session = after.QuerySession())
        {
            var timers = (await session.LoadManyAsync<ServiceRequestDetails>(ct, late.Id, unpaid.Id, decided.Id)).ToDictionary(r => r.Id, r => r.Timers);
            timers[late.Id].CheckAt.ShouldBe(Overdue);
            timers[late.Id].DueDate.ShouldBe(new DateOnly(2026, 1, 15));
            timers[unpaid.Id].FeeAssessedAt.ShouldBe(Assessed);
            timers[unpaid.Id].CheckAt.ShouldBeNull();
            timers[decided.Id].Decided.ShouldBeTrue();
            timers[decided.Id].Overdue.ShouldBeTrue();

            // The sweep reads the columns: both due timers found, the decided request not.
            var now = DueTimers.At(Overdue.AddDays(30), new LifecycleOptions { PaymentDays = 14 });
            var due = await SlaSweep.Due(session, now, [], 10).ToListAsync(ct);
            due.Select(d => d.Id).ShouldBe([late.Id, unpaid.Id], ignoreOrder: true);
        }
        (await ScalarAsync(connectionString, $"select to_regclass('{Schema}.mt_doc_sladeadline') is null", ct)).ShouldBe(true, "the old table is dropped");

        // Every later start: nothing to do, and nothing undone.
        await upgrade.StartAsync(ct);
        await using (var session = after.QuerySession())
        {
            (await session.LoadAsync<ServiceRequestDetails>(late.Id, ct)).ShouldNotBeNull().Timers.CheckAt.ShouldBe(Overdue);
        }
    }

    private static ServiceRequestDetails Request() => new()
    {
        Id = Guid.NewGuid(),
        ApplicantId = "applicant-1",
        ServiceCode = "SVC-1",
        Status = ServiceRequestStatus.InReview,
        SubmittedAt = Assessed,
    };

    private static async Task ExecuteAsync(string connectionString, string sql, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task<object?> ScalarAsync(string connectionString, string sql, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync(ct);
    }
}
