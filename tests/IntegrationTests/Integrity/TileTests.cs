using Alba;
using Microsoft.Extensions.DependencyInjection;
using MyGovernment.Domain.AccessLog;
using MyGovernment.Domain.Common;
using MyGovernment.Domain.Integrity;
using MyGovernment.IntegrationTests.Support;
using MyGovernment.Integrity;
using Shouldly;

namespace MyGovernment.IntegrationTests.Integrity;

/// <summary>
/// Proofs read stored tile hashes (the roots of complete blocks of 256 leaves) instead of every leaf. The tiles are
/// derived data: verify recomputes them from the recorded leaves and names one that was edited; a database sealed
/// before tiles existed is backfilled by the next sealing round and serves proofs meanwhile. Own database; each test
/// undoes its edit.
/// </summary>
public sealed class TileTests(TamperHost host) : IClassFixture<TamperHost>
{
    private const string Tiles = "mygov.integrity_tiles";

    [Fact]
    public async Task The_sealer_stores_a_tile_per_256_leaves_and_proofs_from_tiles_verify()
    {
        var (first, seqs) = await LogOfAtLeastAsync(700);
        var second = await host.CheckpointAsync();

        (await host.SqlAsync<long>($"select count(*) from {Tiles} where level = 1")).ShouldBe(second.TreeSize / 256);
        var report = await host.VerifyAsync();
        report.Ok.ShouldBeTrue(string.Join("; ", report.Findings));
        report.TilesChecked.ShouldBe(second.TreeSize / 256);
        report.TilesMissing.ShouldBe(0);

        foreach (var seq in new[] { seqs[0], seqs[seqs.Length / 2], seqs[^1] })
        {
            var receipt = await GetAsync<InclusionReceipt>($"/api/audit/proofs/inclusion?seq={seq}");
            OfflineCheck.Check(receipt, host.PublicKey).Ok.ShouldBeTrue($"seq {seq}");
        }
        var consistency = await GetAsync<ConsistencyProofView>($"/api/audit/proofs/consistency?from={first.TreeSize}&to={second.TreeSize}");
        MerkleTree.VerifyConsistency(first.TreeSize, second.TreeSize, first.RootHash, second.RootHash, consistency.Proof.Select(Convert.FromBase64String).ToList())
            .ShouldBeTrue();
    }

    [Fact]
    public async Task An_edited_tile_is_named_by_verify_and_never_makes_a_proof_that_verifies()
    {
        var (_, seqs) = await LogOfAtLeastAsync(600);
        await host.CheckpointAsync();
        var original = await host.SqlAsync<string>($"select encode(hash, 'hex') from {Tiles} where level = 1 and idx = 0");
        await host.SqlAsync($"update {Tiles} set hash = '\\x{new string('0', 64)}' where level = 1 and idx = 0");
        try
        {
            var report = await host.VerifyAsync();
            report.Ok.ShouldBeFalse();
            report.Findings.ShouldBeEmpty("the events and recorded leaves are intact");
            report.TileFindings.ShouldNotBeNull().ShouldHaveSingleItem().ShouldBe(
                new TileFinding("modified", 1, 0, "the stored tile hash differs from the one recomputed from the recorded leaves"));
            // A leaf past the first block has the edited tile in its audit path: the receipt no longer verifies.
            var receipt = await GetAsync<InclusionReceipt>($"/api/audit/proofs/inclusion?seq={seqs[^1]}");
            OfflineCheck.Check(receipt, host.PublicKey).Ok.ShouldBeFalse();
        }
        finally
        {
            await host.SqlAsync($"update {Tiles} set hash = '\\x{original}' where level = 1 and idx = 0");
        }
        (await host.VerifyAsync()).Ok.ShouldBeTrue();
    }

    [Fact]
    public async Task An_edited_tile_stops_the_sealer_signing_until_it_is_restored()
    {
        await LogOfAtLeastAsync(600);
        var checkpoints = await host.SqlAsync<long>("select count(*) from mygov.integrity_checkpoints");
        var original = await host.SqlAsync<string>($"select encode(hash, 'hex') from {Tiles} where level = 1 and idx = 0");
        await host.SqlAsync($"update {Tiles} set hash = '\\x{new string('0', 64)}' where level = 1 and idx = 0");
        var alarm = host.Host.Services.GetRequiredService<IntegrityAlarm>();
        try
        {
            await AppendViewsAsync(3);
            // A node without a fold of its own (restarted, or another node) resumes from the stored tiles: with the
            // edited one they would not give the last signed root.
            var restarted = host.OtherNode();
            var refused = await Should.ThrowAsync<IntegrityRefusedException>(restarted.CheckpointAsync(force: true, TestContext.Current.CancellationToken));
            refused.Message.ShouldContain("no longer give the root of the last signed checkpoint");
            alarm.Raised.ShouldContainKey(IntegrityAlarm.TreeInconsistent);
            (await host.SqlAsync<long>("select count(*) from mygov.integrity_checkpoints")).ShouldBe(checkpoints, "nothing is signed");
        }
        finally
        {
            await host.SqlAsync($"update {Tiles} set hash = '\\x{original}' where level = 1 and idx = 0");
        }
        await host.OtherNode().CheckpointAsync(force: true, TestContext.Current.CancellationToken);
        alarm.Raised.ShouldNotContainKey(IntegrityAlarm.TreeInconsistent);
        (await host.VerifyAsync()).Ok.ShouldBeTrue();
    }

    [Fact]
    public async Task An_invented_tile_is_named_as_unexpected()
    {
        await LogOfAtLeastAsync(300);
        await host.CheckpointAsync();
        await host.SqlAsync($"insert into {Tiles} (level, idx, hash) values (1, 1000000, '\\x{new string('a', 64)}')");
        try
        {
            (await host.VerifyAsync()).TileFindings.ShouldNotBeNull().ShouldHaveSingleItem().ShouldBe(
                new TileFinding("unexpected", 1, 1_000_000, "a stored tile beyond the recorded leaves"));
        }
        finally
        {
            await host.SqlAsync($"delete from {Tiles} where level = 1 and idx = 1000000");
        }
    }

    [Fact]
    public async Task A_log_sealed_before_tiles_existed_serves_proofs_and_is_backfilled_by_the_next_round()
    {
        var (_, seqs) = await LogOfAtLeastAsync(600);
        var checkpoint = await host.CheckpointAsync();
        var before = await host.SqlAsync<string>($"select string_agg(level || ':' || idx || ':' || encode(hash, 'hex'), ',' order by level, idx) from {Tiles}");
        await host.SqlAsync($"delete from {Tiles}");

        var report = await host.VerifyAsync();
        report.Ok.ShouldBeTrue("missing tiles are not a finding: proofs compute them from the leaves");
        report.TilesMissing.ShouldBe(checkpoint.TreeSize / 256);
        var receipt = await GetAsync<InclusionReceipt>($"/api/audit/proofs/inclusion?seq={seqs[^1]}&treeSize={checkpoint.TreeSize}");
        OfflineCheck.Check(receipt, host.PublicKey).Ok.ShouldBeTrue();

        await host.CheckpointAsync();
        (await host.SqlAsync<string>($"select string_agg(level || ':' || idx || ':' || encode(hash, 'hex'), ',' order by level, idx) from {Tiles} where idx < {checkpoint.TreeSize / 256}"))
            .ShouldBe(before);
        (await host.VerifyAsync()).TilesMissing.ShouldBe(0);
    }

    private async Task AppendViewsAsync(int count)
    {
        var citizen = Citizens.NewNationalId();
        var officer = new Actor("officer-7", "officer", "civil-registry");
        await using var session = host.Store.LightweightSession();
        for (var i = 0; i < count; i++)
        {
            session.Events.Append(AccessLogStreams.For(citizen), new CitizenDataViewed(citizen, Guid.NewGuid(), "request-details", officer, DateTimeOffset.UtcNow));
        }
        await session.SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>Appends views until the log holds at least <paramref name="size"/> events, seals and signs: returns the checkpoint and the new seqs.</summary>
    private async Task<(StoredCheckpoint Checkpoint, long[] Seqs)> LogOfAtLeastAsync(int size)
    {
        var ct = TestContext.Current.CancellationToken;
        var have = await host.SqlAsync<long>("select count(*) from mygov.mt_events");
        var citizen = Citizens.NewNationalId();
        var officer = new Actor("officer-7", "officer", "civil-registry");
        await using (var session = host.Store.LightweightSession())
        {
            for (var i = 0; i < Math.Max(1, size - have); i++)
            {
                session.Events.Append(AccessLogStreams.For(citizen), new CitizenDataViewed(citizen, Guid.NewGuid(), "request-details", officer, DateTimeOffset.UtcNow));
            }
            await session.SaveChangesAsync(ct);
        }
        var checkpoint = await host.CheckpointAsync();
        await using var query = host.Store.QuerySession();
        var stream = await query.Events.FetchStreamAsync(AccessLogStreams.For(citizen), token: ct);
        return (checkpoint, stream.Select(e => e.Sequence).ToArray());
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
