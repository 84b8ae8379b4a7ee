using System.Security.Cryptography;
using Alba;
using Microsoft.Extensions.DependencyInjection;
using MyGovernment.Domain.Integrity;
using MyGovernment.IntegrationTests.Support;
using MyGovernment.Integrity;
using Shouldly;

namespace MyGovernment.IntegrationTests.Integrity;

/// <summary>
/// Someone with database access edits mt_events directly; verify names exactly what they changed. Each test
/// seals and signs its own fresh events, tampers with them, checks the report, then undoes the edit.
/// </summary>
public sealed class TamperTests(TamperHost host) : IClassFixture<TamperHost>
{
    private const string Events = "mygov.mt_events";

    [Fact]
    public async Task An_honest_log_verifies_and_its_checkpoints_are_consistent()
    {
        var first = await host.CheckpointAsync();
        await AppendAsync(3);
        var second = await host.CheckpointAsync();

        var report = await host.VerifyAsync();
        report.Ok.ShouldBeTrue(string.Join("; ", report.Findings));
        report.Checkpoints.ShouldAllBe(c => c.SignatureValid && c.MatchesEvents && c.MatchesRecordedLeaves);

        var proof = await GetAsync<ConsistencyProofView>($"/api/audit/proofs/consistency?from={first.TreeSize}&to={second.TreeSize}");
        MerkleTree.VerifyConsistency(first.TreeSize, second.TreeSize, first.RootHash, second.RootHash, proof.Proof.Select(Convert.FromBase64String).ToList())
            .ShouldBeTrue();
    }

    [Fact]
    public async Task A_citizen_data_view_is_an_ordinary_event_with_an_offline_checkable_receipt()
    {
        var (viewSeq, _) = await AppendAsync(1);
        var checkpoint = await host.CheckpointAsync();

        var receipt = await GetAsync<InclusionReceipt>($"/api/audit/proofs/inclusion?seq={viewSeq[0]}");
        receipt.TreeSize.ShouldBe(checkpoint.TreeSize);
        OfflineCheck.Check(receipt, host.PublicKey).Ok.ShouldBeTrue();
        // The leaf bytes are the event itself: the receipt proves this officer's view of citizen data was logged.
        System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(receipt.LeafBytes)).ShouldContain("citizen_data_viewed");

        using var otherKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        OfflineCheck.Check(receipt, otherKey).Ok.ShouldBeFalse("a checkpoint is only trusted under the auditors' public key");
        receipt.AuditPath.ShouldNotBeEmpty();
        var alteredPath = receipt with { AuditPath = [.. receipt.AuditPath.Skip(1).Prepend(Convert.ToBase64String(new byte[32]))] };
        OfflineCheck.Check(alteredPath, host.PublicKey).Ok.ShouldBeFalse();
        var otherEvent = receipt with { LeafBytes = Convert.ToBase64String("forged"u8.ToArray()) };
        OfflineCheck.Check(otherEvent, host.PublicKey).Ok.ShouldBeFalse();
    }

    [Fact]
    public async Task Editing_an_events_json_is_named_as_a_data_change()
    {
        var (seqs, ids) = await SealedAsync(2);
        await TamperAsync(
            $"update {Events} set data = jsonb_set(data, '{{what}}', '\"nothing-to-see\"') where seq_id = {seqs[1]}",
            $"update {Events} set data = jsonb_set(data, '{{what}}', '\"request-details\"') where seq_id = {seqs[1]}",
            report => report.Findings.ShouldHaveSingleItem().ShouldBe(new VerifyFinding("modified", seqs[1], ids[1], "the event's data changed after it was sealed")));
    }

    [Fact]
    public async Task Editing_an_events_metadata_is_named_as_a_metadata_change()
    {
        var (seqs, ids) = await SealedAsync(2);
        var original = await host.SqlAsync<string>($"select headers::text from {Events} where seq_id = {seqs[0]}");
        await TamperAsync(
            $"update {Events} set headers = jsonb_set(headers, '{{actor,subject}}', '\"someone-else\"') where seq_id = {seqs[0]}",
            $"update {Events} set headers = '{original}'::jsonb where seq_id = {seqs[0]}",
            report => report.Findings.ShouldHaveSingleItem().ShouldBe(new VerifyFinding("modified", seqs[0], ids[0], "the event's metadata changed after it was sealed")));
    }

    [Fact]
    public async Task Deleting_an_event_is_named()
    {
        var (seqs, ids) = await SealedAsync(3);
        await host.SqlAsync($"create table mygov.deleted_{seqs[1]} as select * from {Events} where seq_id = {seqs[1]}");
        await TamperAsync(
            $"delete from {Events} where seq_id = {seqs[1]}",
            $"insert into {Events} select * from mygov.deleted_{seqs[1]}",
            report => report.Findings.ShouldHaveSingleItem().ShouldBe(
                new VerifyFinding("deleted", seqs[1], ids[1], $"sealed at seq {seqs[1]} (leaf {report.Checkpoints[^1].TreeSize - 2}), no longer in mt_events")));
    }

    [Fact]
    public async Task A_forged_event_inserted_among_sealed_ones_is_named()
    {
        // A hole in the sequence (as a rolled-back append leaves), then honest events after it, all sealed.
        var hole = await host.SqlAsync<long>("select nextval('mygov.mt_events_sequence')");
        var (seqs, _) = await SealedAsync(1);
        seqs[0].ShouldBeGreaterThan(hole);
        var forged = Guid.NewGuid();
        await TamperAsync(
            $"""
            insert into {Events} (seq_id, id, stream_id, version, data, type, timestamp, tenant_id, mt_dotnet_type, headers)
            select {hole}, '{forged}', stream_id, version + 1000, data, type, timestamp, tenant_id, mt_dotnet_type, headers from {Events} where seq_id = {seqs[0]}
            """,
            $"delete from {Events} where id = '{forged}'",
            report => report.Findings.ShouldHaveSingleItem().ShouldBe(new VerifyFinding("inserted", hole, forged, "in mt_events among sealed events but never sealed")));
    }

    [Fact]
    public async Task Swapping_two_events_sequence_numbers_is_named_as_a_reordering()
    {
        var (seqs, ids) = await SealedAsync(2);
        var swap = $"""
            update {Events} set seq_id = -1 where seq_id = {seqs[0]};
            update {Events} set seq_id = {seqs[0]} where seq_id = {seqs[1]};
            update {Events} set seq_id = {seqs[1]} where seq_id = -1;
            """;
        await TamperAsync(swap, swap, report => report.Findings.ShouldBe(
        [
            new VerifyFinding("reordered", seqs[0], ids[1], $"sealed at seq {seqs[1]}, now at seq {seqs[0]}"),
            new VerifyFinding("reordered", seqs[1], ids[0], $"sealed at seq {seqs[0]}, now at seq {seqs[1]}"),
        ], ignoreOrder: true));
    }

    [Fact]
    public async Task Rewriting_events_and_their_recorded_hashes_without_the_key_breaks_the_signed_checkpoints()
    {
        var before = await host.CheckpointAsync();
        var (seqs, ids) = await SealedAsync(2);
        var after = (await host.Host.Services.GetRequiredService<IntegrityLog>().CheckpointsAsync(TestContext.Current.CancellationToken))[^1];
        var leafIndex = await host.SqlAsync<long>($"select leaf_index from mygov.integrity_leaves where seq_id = {seqs[0]}");
        var originalLeaf = await host.SqlAsync<string>($"select encode(leaf_hash, 'hex') || ':' || encode(data_hash, 'hex') from mygov.integrity_leaves where seq_id = {seqs[0]}");

        await host.SqlAsync($"update {Events} set data = jsonb_set(data, '{{what}}', '\"rewritten\"') where seq_id = {seqs[0]}");
        var rewritten = await LeafOfAsync(seqs[0]);
        await host.SqlAsync($"update mygov.integrity_leaves set leaf_hash = '\\x{Convert.ToHexStringLower(rewritten.LeafHash())}', " +
                            $"data_hash = '\\x{Convert.ToHexStringLower(rewritten.DataHash())}' where seq_id = {seqs[0]}");
        try
        {
            var report = await host.VerifyAsync();
            report.Ok.ShouldBeFalse();
            // The recorded leaf was rewritten to match; its seal (an HMAC under the deployment's key) was not.
            report.Findings.ShouldHaveSingleItem().ShouldBe(new VerifyFinding("modified", seqs[0], ids[0],
                "the event and its recorded leaf were rewritten together (the leaf's seal does not verify)"));
            var broken = report.Checkpoints.Single(c => c.Id == after.Id);
            broken.SignatureValid.ShouldBeTrue();
            broken.MatchesEvents.ShouldBeFalse();
            broken.MatchesRecordedLeaves.ShouldBeFalse();
            report.Checkpoints.Single(c => c.Id == before.Id).MatchesEvents.ShouldBeTrue();
            report.CheckpointSummary.ShouldNotBeNull().ShouldContain($"the change lies in leaves {before.TreeSize}..{after.TreeSize - 1}");
            leafIndex.ShouldBeInRange(before.TreeSize, after.TreeSize - 1);
            var sealedSeqs = System.Text.RegularExpressions.Regex.Match(report.CheckpointSummary, @"seq (\d+)\.\.(\d+)\)");
            sealedSeqs.Success.ShouldBeTrue(report.CheckpointSummary);
            seqs[0].ShouldBeInRange(long.Parse(sealedSeqs.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture),
                long.Parse(sealedSeqs.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));
        }
        finally
        {
            await host.SqlAsync($"update {Events} set data = jsonb_set(data, '{{what}}', '\"request-details\"') where seq_id = {seqs[0]}");
            var parts = originalLeaf.Split(':');
            await host.SqlAsync($"update mygov.integrity_leaves set leaf_hash = '\\x{parts[0]}', data_hash = '\\x{parts[1]}' where seq_id = {seqs[0]}");
        }
        (await host.VerifyAsync()).Ok.ShouldBeTrue();
    }

    [Fact]
    public async Task Checkpoints_the_auditor_kept_still_catch_a_rewrite_after_the_stored_ones_were_deleted()
    {
        var ct = TestContext.Current.CancellationToken;
        await host.CheckpointAsync();
        var (seqs, ids) = await SealedAsync(1);
        var kept = (await host.Host.Services.GetRequiredService<IntegrityLog>().CheckpointsAsync(ct)).Select(c => c.Note).ToList();
        var originalLeaf = await host.SqlAsync<string>($"select encode(leaf_hash, 'hex') || ':' || encode(data_hash, 'hex') from mygov.integrity_leaves where seq_id = {seqs[0]}");

        // Someone with database access but without the key rewrites an event, its recorded hashes, and the stored checkpoints.
        await host.SqlAsync($"update {Events} set data = jsonb_set(data, '{{what}}', '\"rewritten\"') where seq_id = {seqs[0]}");
        var rewritten = await LeafOfAsync(seqs[0]);
        await host.SqlAsync($"update mygov.integrity_leaves set leaf_hash = '\\x{Convert.ToHexStringLower(rewritten.LeafHash())}', " +
                            $"data_hash = '\\x{Convert.ToHexStringLower(rewritten.DataHash())}' where seq_id = {seqs[0]}");
        await host.SqlAsync("create table mygov.checkpoints_backup as select * from mygov.integrity_checkpoints; delete from mygov.integrity_checkpoints");
        try
        {
            // With the stored checkpoints gone, only the leaf's seal (keyed outside the database) still names the event.
            (await host.VerifyAsync()).Findings.ShouldHaveSingleItem().EventId.ShouldBe(ids[0]);

            var report = await host.Host.Services.GetRequiredService<LogVerifier>().VerifyAsync(ct, kept);
            report.Ok.ShouldBeFalse();
            report.Checkpoints.ShouldAllBe(c => c.SignatureValid);
            report.Checkpoints.ShouldContain(c => !c.MatchesEvents);
        }
        finally
        {
            await host.SqlAsync("insert into mygov.integrity_checkpoints select * from mygov.checkpoints_backup; drop table mygov.checkpoints_backup");
            await host.SqlAsync($"update {Events} set data = jsonb_set(data, '{{what}}', '\"request-details\"') where seq_id = {seqs[0]}");
            var parts = originalLeaf.Split(':');
            await host.SqlAsync($"update mygov.integrity_leaves set leaf_hash = '\\x{parts[0]}', data_hash = '\\x{parts[1]}' where seq_id = {seqs[0]}");
        }
        (await host.VerifyAsync()).Ok.ShouldBeTrue();
    }

    [Fact]
    public async Task A_checkpoint_signed_with_another_key_is_rejected()
    {
        var honest = await host.CheckpointAsync();
        using var forger = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var forged = SignedCheckpoint.Sign("my-government/events", honest.TreeSize, honest.RootHash, honest.IssuedAt, forger);
        var id = await host.SqlAsync<long>(
            $"insert into mygov.integrity_checkpoints (tree_size, root_hash, issued_at, note) values ({honest.TreeSize}, '\\x{Convert.ToHexStringLower(honest.RootHash)}', now(), '{forged.Note}') returning id");
        try
        {
            var report = await host.VerifyAsync();
            report.Ok.ShouldBeFalse();
            report.Checkpoints.Single(c => c.Id == id).SignatureValid.ShouldBeFalse();
            report.Checkpoints.Where(c => c.Id != id).ShouldAllBe(c => c.SignatureValid);
        }
        finally
        {
            await host.SqlAsync($"delete from mygov.integrity_checkpoints where id = {id}");
        }
    }

    private Task TamperAsync(string tamper, string undo, Action<VerifyReport> expect) => host.TamperAsync(tamper, undo, expect);

    private Task<(long[] Seqs, Guid[] Ids)> SealedAsync(int count) => host.SealedAsync(count);

    private Task<(long[] Seqs, Guid[] Ids)> AppendAsync(int count) => host.AppendAsync(count);

    private Task<EventLeaf> LeafOfAsync(long seq) => LeafOfAsync(host, seq);

    internal static async Task<EventLeaf> LeafOfAsync(TamperHost host, long seq)
    {
        await using var connection = new Npgsql.NpgsqlConnection(host.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await foreach (var e in EventRows.ReadAsync(connection, "mygov", seq - 1, 1, TestContext.Current.CancellationToken))
        {
            return e;
        }
        throw new InvalidOperationException($"no event {seq}");
    }

    private async Task<T> GetAsync<T>(string url)
    {
        var result = await host.Host.Scenario(s =>
        {
            s.As(host.AuditorToken).Get.Url(url);
            s.StatusCodeShouldBeOk();
        });
        return (await result.ReadAsJsonAsync<T>())!;
    }
}
