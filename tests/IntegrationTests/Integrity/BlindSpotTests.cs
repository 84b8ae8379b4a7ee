using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MyGovernment.Integrity;
using Shouldly;

namespace MyGovernment.IntegrationTests.Integrity;

/// <summary>
/// Issue 17: rows the sealed log does not cover are named (seq and id), rows the application did not append are
/// never sealed, and a rewrite of an event with its leaf is located exactly. Each test tampers by SQL and undoes it.
/// </summary>
public sealed class BlindSpotTests(TamperHost host) : IClassFixture<TamperHost>
{
    private const string Events = "mygov.mt_events";

    [Fact]
    public async Task A_forged_event_with_seq_zero_or_below_is_named_although_no_leaf_covers_it()
    {
        var (seqs, _) = await host.SealedAsync(1);
        var forged = Guid.NewGuid();
        await host.TamperAsync(
            // The next version of a real stream, as the audit did: its raw events list it, verify must too.
            $"""
            insert into {Events} (seq_id, id, stream_id, version, data, type, timestamp, tenant_id, mt_dotnet_type, headers)
            select -7, '{forged}', stream_id, version + 1, data, type, timestamp, tenant_id, mt_dotnet_type, headers from {Events} where seq_id = {seqs[0]}
            """,
            $"delete from {Events} where id = '{forged}'",
            report => report.Findings.ShouldHaveSingleItem().ShouldBe(
                new VerifyFinding("inserted", -7, forged, "in mt_events with a seq_id the application never assigns (0 or below): never sealed")));
    }

    [Fact]
    public async Task An_event_appended_by_SQL_after_the_last_one_is_never_sealed_and_halts_sealing_until_resolved()
    {
        var ct = TestContext.Current.CancellationToken;
        var (seqs, _) = await host.SealedAsync(1);
        var forged = Guid.NewGuid();
        var forgedSeq = await host.SqlAsync<long>(
            $"""
            insert into {Events} (seq_id, id, stream_id, version, data, type, timestamp, tenant_id, mt_dotnet_type, headers)
            select nextval('mygov.mt_events_sequence'), '{forged}', stream_id, version + 1, data, type, now(), tenant_id, mt_dotnet_type, headers
            from {Events} where seq_id = {seqs[0]} returning seq_id
            """);
        try
        {
            var (after, _) = await host.AppendAsync(1);
            var checkpoint = await host.CheckpointAsync();

            var sealedSeq = await host.SqlAsync<long>("select max(seq_id) from mygov.integrity_leaves");
            sealedSeq.ShouldBe(seqs[0], "the sealer stops before the forged row, and seals nothing after it");
            checkpoint.TreeSize.ShouldBe(await host.SqlAsync<long>("select count(*) from mygov.integrity_leaves"));
            var alarm = host.Host.Services.GetRequiredService<IntegrityAlarm>().Raised;
            alarm[IntegrityAlarm.UnauthenticatedEvent].ShouldContain($"event seq {forgedSeq} (id {forged}");
            var health = await host.Host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(c => c.Name == "integrity", ct);
            health.Status.ShouldBe(HealthStatus.Degraded);

            var report = await host.VerifyAsync();
            report.Ok.ShouldBeFalse();
            report.Findings.ShouldHaveSingleItem().ShouldBe(new VerifyFinding("unauthenticated", forgedSeq, forged,
                "after the sealed log without a valid application tag: not appended by the application; sealing halts here"));
            var findings = await host.Host.Services.GetRequiredService<LogIntegrityReport>().FindAsync(DateTimeOffset.UtcNow, ct);
            findings.ShouldContain(f => f.Rule == "event-unauthenticated" && f.Summary.Contains(forged.ToString()));
            findings.ShouldContain(f => f.Rule == "sealer-alarm");

            // A resolution written by SQL does not count: it carries no tag under the deployment's key.
            await host.SqlAsync($"insert into mygov.integrity_resolutions (seq_id, event_id, resolved_by, reason, resolved_at, tag) values ({forgedSeq}, '{forged}', 'me', 'trust me', now(), '\\x00')");
            await host.CheckpointAsync();
            (await host.SqlAsync<long>("select max(seq_id) from mygov.integrity_leaves")).ShouldBe(seqs[0]);

            await host.Host.Services.GetRequiredService<IntegrityResolutions>().RecordAsync(forgedSeq, forged, "auditor-1", "inserted by SQL; see case 42", ct);
            await host.CheckpointAsync();
            (await host.SqlAsync<long>("select max(seq_id) from mygov.integrity_leaves")).ShouldBe(after[0], "sealing resumes past the resolved row");
            (await host.SqlAsync<long>($"select count(*) from mygov.integrity_leaves where event_id = '{forged}'")).ShouldBe(0, "a resolution never seals the row");
            host.Host.Services.GetRequiredService<IntegrityAlarm>().Raised.ShouldBeEmpty();
            var resolved = await host.VerifyAsync();
            resolved.Findings.ShouldHaveSingleItem().Kind.ShouldBe("inserted", "once rows after it are sealed, the passed-over row lies among sealed ones");
        }
        finally
        {
            await host.SqlAsync($"delete from {Events} where id = '{forged}'; delete from mygov.integrity_resolutions");
        }
        (await host.VerifyAsync()).Ok.ShouldBeTrue();
    }

    [Fact]
    public async Task A_replaced_event_is_reported_as_deleted_and_inserted()
    {
        var (seqs, ids) = await host.SealedAsync(2);
        var replacement = Guid.NewGuid();
        await host.TamperAsync(
            $"update {Events} set id = '{replacement}' where seq_id = {seqs[1]}",
            $"update {Events} set id = '{ids[1]}' where seq_id = {seqs[1]}",
            report => report.Findings.Select(f => (f.Kind, f.Seq, f.EventId)).ShouldBe([("deleted", seqs[1], ids[1]), ("inserted", seqs[1], replacement)], ignoreOrder: true));
    }

    [Fact]
    public async Task An_event_rewritten_together_with_its_leaf_is_named_by_seq_and_id()
    {
        var (seqs, ids) = await host.SealedAsync(3);
        var original = await host.SqlAsync<string>($"select encode(leaf_hash, 'hex') || ':' || encode(data_hash, 'hex') from mygov.integrity_leaves where seq_id = {seqs[1]}");
        await host.SqlAsync($"update {Events} set data = jsonb_set(data, '{{what}}', '\"rewritten\"') where seq_id = {seqs[1]}");
        var rewritten = await TamperTests.LeafOfAsync(host, seqs[1]);
        var parts = original.Split(':');
        await host.TamperAsync(
            $"update mygov.integrity_leaves set leaf_hash = '\\x{Convert.ToHexStringLower(rewritten.LeafHash())}', data_hash = '\\x{Convert.ToHexStringLower(rewritten.DataHash())}' where seq_id = {seqs[1]}",
            $"update mygov.integrity_leaves set leaf_hash = '\\x{parts[0]}', data_hash = '\\x{parts[1]}' where seq_id = {seqs[1]}; " +
            $"update {Events} set data = jsonb_set(data, '{{what}}', '\"request-details\"') where seq_id = {seqs[1]}",
            report => report.Findings.ShouldHaveSingleItem().ShouldBe(
                new VerifyFinding("modified", seqs[1], ids[1], "the event and its recorded leaf were rewritten together (the leaf's seal does not verify)")),
            checkBefore: false);
    }

    [Fact]
    public async Task Between_checkpoints_the_worker_seals_new_events_without_signing_them()
    {
        var ct = TestContext.Current.CancellationToken;
        await host.SealedAsync(1);
        var checkpointsBefore = await host.SqlAsync<long>("select count(*) from mygov.integrity_checkpoints");
        var (seqs, _) = await host.AppendAsync(3);
        var options = Options.Create(new IntegrityOptions { CheckpointInterval = TimeSpan.FromHours(1), SealInterval = TimeSpan.FromMilliseconds(100) });
        using var worker = new CheckpointWorker(host.Host.Services.GetRequiredService<IntegrityLog>(), options, NullLogger<CheckpointWorker>.Instance);
        await worker.StartAsync(ct);
        long sealedNow = 0;
        try
        {
            for (var waited = 0; sealedNow == 0 && waited < 100; waited++)
            {
                await Task.Delay(100, ct);
                sealedNow = await host.SqlAsync<long>($"select count(*) from mygov.integrity_leaves where seq_id = {seqs[^1]}");
            }
        }
        finally
        {
            await worker.StopAsync(ct);
        }
        sealedNow.ShouldBe(1, "sealed within seconds of its append, an hour before the next checkpoint");
        (await host.SqlAsync<long>("select count(*) from mygov.integrity_checkpoints")).ShouldBe(checkpointsBefore, "nothing signed between checkpoints");
        (await host.VerifyAsync()).Ok.ShouldBeTrue();
    }

    [Fact]
    public async Task A_node_with_another_signing_key_says_why_at_start_up_and_neither_seals_nor_signs()
    {
        var ct = TestContext.Current.CancellationToken;
        await host.SealedAsync(1);
        await host.AppendAsync(1);
        var leavesBefore = await host.SqlAsync<long>("select count(*) from mygov.integrity_leaves");
        var checkpointsBefore = await host.SqlAsync<long>("select count(*) from mygov.integrity_checkpoints");
        using var otherSigning = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var otherKey = CheckpointKey.FromPem(otherSigning.ExportPkcs8PrivateKeyPem());
        var db = new IntegrityDatabase(host.ConnectionString, "mygov");
        var options = Options.Create(new IntegrityOptions { GapTimeout = TimeSpan.Zero });
        var alarm = new IntegrityAlarm(NullLogger<IntegrityAlarm>.Instance);
        var otherNode = new IntegrityLog(db, otherKey, options, TimeProvider.System, alarm, new IntegrityResolutions(db, otherKey, TimeProvider.System));

        // Started as a node starts it: the worker's first round is an hour away, yet it says why at once.
        using var worker = new CheckpointWorker(otherNode, Options.Create(new IntegrityOptions { CheckpointInterval = TimeSpan.FromHours(1) }), NullLogger<CheckpointWorker>.Instance);
        await worker.StartAsync(ct);
        for (var waited = 0; !alarm.Raised.ContainsKey(IntegrityAlarm.ForeignKey) && waited < 100; waited++)
        {
            await Task.Delay(100, ct);
        }
        await worker.StopAsync(ct);
        alarm.Raised.ShouldContainKey(IntegrityAlarm.ForeignKey);
        alarm.Raised[IntegrityAlarm.ForeignKey].ShouldContain("every node of a deployment needs the same Integrity:SigningKeyPem");
        (await otherNode.KeyProblemAsync(ct)).ShouldNotBeNull().ShouldContain("This node neither seals nor signs");
        await Should.ThrowAsync<IntegrityRefusedException>(() => otherNode.CheckpointAsync(force: true, ct));

        (await host.SqlAsync<long>("select count(*) from mygov.integrity_leaves")).ShouldBe(leavesBefore, "it sealed nothing");
        (await host.SqlAsync<long>("select count(*) from mygov.integrity_checkpoints")).ShouldBe(checkpointsBefore, "it signed nothing");
        (await host.Host.Services.GetRequiredService<IntegrityLog>().KeyProblemAsync(ct)).ShouldBeNull("the deployment's own key is fine");
        await host.CheckpointAsync();
        (await host.VerifyAsync()).Ok.ShouldBeTrue();
    }
}
