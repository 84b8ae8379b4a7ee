using System.Buffers.Binary;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using MyGovernment.Domain.Integrity;
using MyGovernment.Integrity;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Shouldly;

namespace MyGovernment.IntegrationTests.Integrity;

/// <summary>
/// Issue 17: a witness outside the database cosigns each checkpoint after checking it extends the last one it
/// cosigned; the sealer will not sign rewritten history the witness refuses; verify and verify-proof check the
/// cosignatures against the witness key the auditor holds.
/// </summary>
public sealed class WitnessTests(WitnessedHost host) : IClassFixture<WitnessedHost>
{
    private const string Events = "mygov.mt_events";

    [Fact]
    public async Task Each_checkpoint_carries_the_witness_cosignature_which_verify_and_verify_proof_check()
    {
        var ct = TestContext.Current.CancellationToken;
        var seq = await AppendAsync();
        var checkpoint = await host.CheckpointAsync();

        // Recomputed by hand from c2sp.org/tlog-cosignature, not with the engine's checker.
        var vkey = host.WitnessKey.Split('+', 3);
        var publicKey = Convert.FromBase64String(vkey[2])[1..];
        var line = checkpoint.Note.Split('\n').Single(l => l.StartsWith("\u2014 witness.test/1 ", StringComparison.Ordinal));
        var blob = Convert.FromBase64String(line.Split(' ')[2]);
        blob.Length.ShouldBe(4 + 8 + 64);
        Convert.ToHexStringLower(blob[..4]).ShouldBe(vkey[1]);
        Convert.ToHexStringLower(SHA256.HashData([.. "witness.test/1\n"u8, 0x04, .. publicKey])[..4]).ShouldBe(vkey[1]);
        var time = BinaryPrimitives.ReadUInt64BigEndian(blob.AsSpan(4));
        var body = checkpoint.Note[..(checkpoint.Note.IndexOf("\n\n", StringComparison.Ordinal) + 1)];
        var message = Encoding.UTF8.GetBytes($"cosignature/v1\ntime {time}\n{body}");
        var verifier = new Ed25519Signer();
        verifier.Init(false, new Ed25519PublicKeyParameters(publicKey, 0));
        verifier.BlockUpdate(message, 0, message.Length);
        verifier.VerifySignature(blob[12..]).ShouldBeTrue();

        var report = await host.VerifyAsync();
        report.Ok.ShouldBeTrue(string.Join("; ", report.Findings));
        report.Cosignatures.ShouldNotBeNull().ShouldContain(c => c.CheckpointId == checkpoint.Id && c.Status == WitnessKey.Valid);
        var otherWitness = $"witness.test/1+{vkey[1]}+{Convert.ToBase64String([0x04, .. new byte[32]])}";
        Should.Throw<FormatException>(() => WitnessKey.Parse(otherWitness), "a key id that does not match its key");
        var stranger = new MyGovernment.Witness.CosigningKey("witness.test/2", RandomNumberGenerator.GetBytes(32));
        var withStranger = await host.Host.Services.GetRequiredService<LogVerifier>().VerifyAsync(ct, witnessKeys: [stranger.VerifierKey]);
        withStranger.Ok.ShouldBeFalse("the auditor's witness never cosigned the latest checkpoint");

        var receipt = (await host.Host.Services.GetRequiredService<LogProofs>().ReceiptAsync(seq, null, ct)).Proof.ShouldNotBeNull();
        OfflineCheck.Check(receipt, host.PublicKey).Ok.ShouldBeTrue("the cosignature lines leave the log's own signature standard");
        OfflineCheck.CheckCosignatures([receipt.Checkpoint!], [host.WitnessKey]).ShouldBeNull();
        OfflineCheck.CheckCosignatures([receipt.Checkpoint!], [stranger.VerifierKey]).ShouldNotBeNull().ShouldContain("missing");
        var forged = receipt.Checkpoint!.Replace(line, line[..^8] + (line[^8] == 'A' ? "B" : "A") + line[^7..]);
        OfflineCheck.CheckCosignatures([forged], [host.WitnessKey]).ShouldNotBeNull().ShouldContain("invalid");
    }

    [Fact]
    public async Task The_sealer_refuses_to_sign_rewritten_history_once_the_stored_checkpoints_are_gone()
    {
        var ct = TestContext.Current.CancellationToken;
        var seq = await AppendAsync();
        await host.CheckpointAsync();
        var originalLeaf = await host.SqlAsync<string>($"select encode(leaf_hash, 'hex') || ':' || encode(data_hash, 'hex') from mygov.integrity_leaves where seq_id = {seq}");
        await host.SqlAsync($"update {Events} set data = jsonb_set(data, '{{what}}', '\"rewritten\"') where seq_id = {seq}");
        var rewritten = await TamperTests.LeafOfAsync(host, seq);
        await host.SqlAsync($"update mygov.integrity_leaves set leaf_hash = '\\x{Convert.ToHexStringLower(rewritten.LeafHash())}', " +
                            $"data_hash = '\\x{Convert.ToHexStringLower(rewritten.DataHash())}' where seq_id = {seq}");
        await host.SqlAsync("create table mygov.witness_backup as select * from mygov.integrity_checkpoints; delete from mygov.integrity_checkpoints; delete from mygov.integrity_tiles");
        try
        {
            await AppendAsync();
            var refusal = await Should.ThrowAsync<IntegrityRefusedException>(host.CheckpointAsync);
            refusal.Message.ShouldContain("witness witness.test/1 refused the new checkpoint");
            (await host.SqlAsync<long>("select count(*) from mygov.integrity_checkpoints")).ShouldBe(0, "nothing was signed over the rewritten history");
            host.Host.Services.GetRequiredService<IntegrityAlarm>().Raised.ShouldContainKey(IntegrityAlarm.WitnessRefusal);
            var findings = await host.Host.Services.GetRequiredService<LogIntegrityReport>().FindAsync(DateTimeOffset.UtcNow, ct);
            findings.ShouldContain(f => f.Rule == "sealer-alarm" && f.Summary.Contains("witness-refused"));
        }
        finally
        {
            var parts = originalLeaf.Split(':');
            await host.SqlAsync($"update mygov.integrity_leaves set leaf_hash = '\\x{parts[0]}', data_hash = '\\x{parts[1]}' where seq_id = {seq}; " +
                                $"update {Events} set data = jsonb_set(data, '{{what}}', '\"request-details\"') where seq_id = {seq}; " +
                                "insert into mygov.integrity_checkpoints select * from mygov.witness_backup; drop table mygov.witness_backup");
        }
        await host.CheckpointAsync();
        host.Host.Services.GetRequiredService<IntegrityAlarm>().Raised.ShouldBeEmpty();
        (await host.VerifyAsync()).Ok.ShouldBeTrue();
    }

    [Fact]
    public async Task The_witness_speaks_the_tlog_witness_protocol()
    {
        var ct = TestContext.Current.CancellationToken;
        const string origin = WitnessedHost.SyntheticOrigin;
        var leaves = Enumerable.Range(0, 13).Select(i => MerkleTree.LeafHash([(byte)i])).ToList();
        string Note(long size, ECDsa key, string logOrigin = origin) =>
            SignedCheckpoint.Sign(logOrigin, size, MerkleTree.Root(leaves, size), DateTimeOffset.UtcNow, key).Note;
        using var http = new HttpClient { BaseAddress = new Uri(host.WitnessUrl) };
        async Task<HttpResponseMessage> AddAsync(long old, IEnumerable<byte[]> proof, string checkpoint) =>
            await http.PostAsync("/add-checkpoint", new StringContent(
                $"old {old}\n" + string.Concat(proof.Select(h => Convert.ToBase64String(h) + "\n")) + "\n" + checkpoint), ct);

        (await AddAsync(0, [], Note(5, host.PublicKey))).StatusCode.ShouldBe(HttpStatusCode.OK, "a first checkpoint needs no proof");

        var stale = await AddAsync(0, [], Note(13, host.PublicKey));
        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        stale.Content.Headers.ContentType!.MediaType.ShouldBe("text/x.tlog.size");
        (await stale.Content.ReadAsStringAsync(ct)).ShouldBe("5\n");

        var proof = MerkleTree.ConsistencyProof(leaves, 5, 13);
        (await AddAsync(5, [.. proof.Select(h => SHA256.HashData(h))], Note(13, host.PublicKey))).StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var forked = leaves.ToList();
        forked[2] = MerkleTree.LeafHash("rewritten"u8);
        var forkedNote = SignedCheckpoint.Sign(origin, 13, MerkleTree.Root(forked, 13), DateTimeOffset.UtcNow, host.PublicKey).Note;
        (await AddAsync(5, MerkleTree.ConsistencyProof(forked, 5, 13), forkedNote)).StatusCode
            .ShouldBe(HttpStatusCode.UnprocessableEntity, "a rewritten leaf below the cosigned size");
        using var stranger = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        (await AddAsync(5, proof, Note(13, stranger))).StatusCode.ShouldBe(HttpStatusCode.Forbidden, "signed by a key the witness does not trust for this log");
        (await AddAsync(5, proof, Note(13, host.PublicKey, "someone-else/log"))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await AddAsync(14, [], Note(13, host.PublicKey))).StatusCode.ShouldBe(HttpStatusCode.BadRequest, "old size above the checkpoint's");

        var note = Note(13, host.PublicKey);
        var accepted = await AddAsync(5, proof, note);
        accepted.StatusCode.ShouldBe(HttpStatusCode.OK);
        WitnessKey.Parse(host.WitnessKey).Check(note + await accepted.Content.ReadAsStringAsync(ct)).Status.ShouldBe(WitnessKey.Valid);
        (await AddAsync(13, [], forkedNote)).StatusCode.ShouldBe(HttpStatusCode.Conflict, "the same size with another root");
        (await AddAsync(5, proof, note)).StatusCode.ShouldBe(HttpStatusCode.Conflict, "never rolled back to an older size");
    }

    private async Task<long> AppendAsync() => (await host.AppendAsync(1)).Seqs[0];
}
