using Microsoft.Extensions.DependencyInjection;
using MyGovernment.Application.Metadata;
using MyGovernment.Domain.AccessLog;
using MyGovernment.Domain.Common;
using MyGovernment.IntegrationTests.Support;
using MyGovernment.Integrity;
using Shouldly;

namespace MyGovernment.IntegrationTests.Integrity;

/// <summary>
/// Marten fills the sequence numbers of a refused commit with tombstone events, written after the refusal. Under load
/// one can land in a hole the sealer already passed over (after <c>Integrity:GapTimeout</c>). Each test here makes
/// Marten write real tombstones, holds them back while the log is sealed past their hole, then lets them arrive: as
/// they are, verify must stay quiet; altered in any way, they stay findings.
/// </summary>
public sealed class LateTombstoneTests(TamperHost host) : IClassFixture<TamperHost>
{
    private const string Events = "mygov.mt_events";

    [Fact]
    public async Task A_tombstone_arriving_in_a_hole_the_sealer_passed_over_is_no_finding_and_is_left_unsealed()
    {
        var ct = TestContext.Current.CancellationToken;
        var late = await LateTombstonesAsync();
        var size = await host.SqlAsync<long>("select count(*) from mygov.integrity_leaves");
        await host.SqlAsync($"insert into {Events} select * from {late.Table}");
        try
        {
            var report = await host.VerifyAsync();
            report.Findings.ShouldBeEmpty();
            report.Ok.ShouldBeTrue();

            // The sealer only reads past its last sealed seq: it neither seals the late row nor stops or raises an alarm.
            (await host.CheckpointAsync()).TreeSize.ShouldBe(size);
            (await host.SqlAsync<long>($"select count(*) from mygov.integrity_leaves where seq_id = any(array[{string.Join(',', late.Seqs)}]::bigint[])")).ShouldBe(0);
            host.Host.Services.GetRequiredService<IntegrityAlarm>().Raised.ShouldBeEmpty();
            var (after, _) = await host.SealedAsync(1);
            (await host.SqlAsync<long>($"select max(seq_id) from mygov.integrity_leaves")).ShouldBe(after[0]);
            (await host.VerifyAsync()).Ok.ShouldBeTrue();

            // The reports that walk mt_events: report 11 (verify and the read-model check) names nothing either.
            var readModels = await host.Host.Services.GetRequiredService<ReadModelChecker>().CheckAsync(null, 10, ct);
            // Named in the failure (CI once reported only "false"): which read model, which row, what differed.
            readModels.Ok.ShouldBeTrue(string.Join("; ", readModels.ReadModels.SelectMany(r => r.Differences)
                .Select(d => $"{d.ReadModel} {d.Id}: {d.Problem} {string.Join(", ", d.Fields)}")));
            (await host.Host.Services.GetRequiredService<LogIntegrityReport>().FindAsync(DateTimeOffset.UtcNow, ct)).ShouldBeEmpty();
        }
        finally
        {
            await host.SqlAsync($"delete from {Events} where id in (select id from {late.Table})");
        }
    }

    [Theory]
    [InlineData("data = '{\"hidden\": \"text\"}'")]
    [InlineData("type = 'citizen_data_viewed'")]
    [InlineData("version = version + 1000000")]
    public async Task A_row_in_the_hole_differing_from_a_Marten_tombstone_in_one_column_is_still_an_insertion(string change)
    {
        var late = await LateTombstonesAsync();
        await host.TamperAsync(
            $"insert into {Events} select * from {late.Table}; update {Events} set {change} where id = '{late.Ids[0]}'",
            $"delete from {Events} where id in (select id from {late.Table})",
            report => report.Findings.ShouldContain(new VerifyFinding("inserted", late.Seqs[0], late.Ids[0], "in mt_events among sealed events but never sealed")));
    }

    [Fact]
    public async Task A_tombstone_with_a_seq_of_zero_or_below_is_still_an_insertion()
    {
        var late = await LateTombstonesAsync();
        await host.TamperAsync(
            $"insert into {Events} select * from {late.Table} where id = '{late.Ids[0]}'; update {Events} set seq_id = -11 where id = '{late.Ids[0]}'",
            $"delete from {Events} where id = '{late.Ids[0]}'",
            report => report.Findings.ShouldHaveSingleItem().ShouldBe(
                new VerifyFinding("inserted", -11, late.Ids[0], "in mt_events with a seq_id the application never assigns (0 or below): never sealed")));
    }

    [Fact]
    public async Task A_tombstone_put_in_place_of_a_sealed_event_is_a_deletion_and_an_insertion()
    {
        var late = await LateTombstonesAsync();
        var (seqs, ids) = await host.SealedAsync(2);
        await host.SqlAsync($"create table mygov.replaced_{seqs[0]} as select * from {Events} where seq_id = {seqs[0]}");
        await host.TamperAsync(
            $"""
            delete from {Events} where seq_id = {seqs[0]};
            insert into {Events} select * from {late.Table} where id = '{late.Ids[0]}';
            update {Events} set seq_id = {seqs[0]} where id = '{late.Ids[0]}'
            """,
            $"delete from {Events} where id = '{late.Ids[0]}'; insert into {Events} select * from mygov.replaced_{seqs[0]}",
            report =>
            {
                report.Findings.Select(f => (f.Kind, f.Seq, f.EventId)).ShouldBe([("deleted", seqs[0], ids[0]), ("inserted", seqs[0], late.Ids[0])], ignoreOrder: true);
            });
    }

    [Fact]
    public async Task A_sealed_event_moved_into_a_hole_is_still_reordered_not_a_gap_filler()
    {
        var late = await LateTombstonesAsync();
        var (seqs, ids) = await host.SealedAsync(1);
        await host.TamperAsync(
            $"update {Events} set seq_id = {late.Seqs[0]} where id = '{ids[0]}'",
            $"update {Events} set seq_id = {seqs[0]} where id = '{ids[0]}'",
            report =>
            {
                report.Findings.ShouldContain(new VerifyFinding("reordered", late.Seqs[0], ids[0], $"sealed at seq {seqs[0]}, now at seq {late.Seqs[0]}"));
                report.Findings.ShouldNotContain(f => f.Kind == "inserted");
            });
    }

    /// <summary>
    /// A commit refused at the database, whose sequence numbers Marten fills with tombstones;
    /// those rows are moved aside to a table (as if not written yet) while an honest event after them is sealed, so
    /// the sealer passes over their hole (the tamper host's gap timeout is zero).
    /// </summary>
    private async Task<(string Table, long[] Seqs, Guid[] Ids)> LateTombstonesAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        var before = await host.SqlAsync<long>($"select coalesce(max(seq_id), 0) from {Events}");
        var citizen = Citizens.NewNationalId();
        var officer = new Actor("officer-7", "officer", "civil-registry");
        await using (var refused = host.Store.LightweightSession())
        {
            EventMetadata.Apply(refused, officer, "tamper-test", "read:request-details", DateTimeOffset.UtcNow);
            refused.Events.Append(AccessLogStreams.For(citizen), new CitizenDataViewed(citizen, Guid.NewGuid(), "request-details", officer, DateTimeOffset.UtcNow));
            // A statement failing in the commit's batch, after Marten took the sequence numbers (as the idempotency
            // record's unique key does on a repeat): Marten then posts tombstones for them, from a background block.
            refused.QueueSqlCommand("select 1 / 0");
            await Should.ThrowAsync<Exception>(() => refused.SaveChangesAsync(ct));
        }
        var table = $"mygov.late_tombstones_{before}";
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await host.SqlAsync<long>($"select count(*) from {Events} where type = 'tombstone' and seq_id > {before}") == 0)
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, "Marten writes tombstones into the refused commit's sequence numbers");
            await Task.Delay(100, ct);
        }
        await host.SqlAsync($"create table {table} as select * from {Events} where type = 'tombstone' and seq_id > {before}");
        (await host.SqlAsync<long>($"select count(*) from {table} where version <> seq_id or data <> '{{}}'::jsonb"))
            .ShouldBe(0, "Marten writes a tombstone with empty data and its own seq as version: the shape EventTag.IsMartenTombstone accepts");
        await host.SqlAsync($"delete from {Events} where id in (select id from {table})");
        var (sealedAfter, _) = await host.SealedAsync(1);
        var seqs = await host.SqlAsync<long[]>($"select array_agg(seq_id order by seq_id) from {table}");
        seqs.ShouldAllBe(s => s < sealedAfter[0], "the tombstones' hole lies among sealed events");
        return (table, seqs, await host.SqlAsync<Guid[]>($"select array_agg(id order by seq_id) from {table}"));
    }
}
