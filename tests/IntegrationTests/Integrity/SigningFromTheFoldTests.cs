using Microsoft.Extensions.DependencyInjection;
using MyGovernment.Domain.Integrity;
using MyGovernment.Integrity;
using Shouldly;

namespace MyGovernment.IntegrationTests.Integrity;

/// <summary>
/// A node signs from the Merkle fold it keeps of the leaves it sealed (issue 16, part K), not by reading back every
/// leaf sealed since the last checkpoint; where its fold does not reach (another node sealed or signed in between) it
/// reads what it lacks. Every signed root must still extend the one before it and be the root of the recorded leaves.
/// Own database; each test undoes its edit.
/// </summary>
public sealed class SigningFromTheFoldTests(TamperHost host) : IClassFixture<TamperHost>
{
    private const string Leaves = "mygov.integrity_leaves";

    private IntegrityLog Node => host.Host.Services.GetRequiredService<IntegrityLog>();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_leaf_row_edited_between_sealing_and_signing_does_not_reach_the_signed_root()
    {
        await host.SealedAsync(2);
        await host.AppendAsync(4);
        await SignsWhatItSealedAsync();
    }

    [Fact]
    public async Task After_another_node_signed_this_node_still_signs_from_its_fold()
    {
        await host.CheckpointAsync();
        await host.AppendAsync(3);
        var other = host.OtherNode();
        var theirs = (await other.CheckpointAsync(force: true, Ct))!;
        await host.AppendAsync(2);
        (await other.SealAsync(Ct)).ShouldBeGreaterThan(theirs.TreeSize);
        await host.AppendAsync(2);
        // Reading the other node's leaves back, this node's fold passes their checkpoint's size with its root.
        var ours = await SignsWhatItSealedAsync();
        await ShouldExtendAsync(theirs, ours);
    }

    [Fact]
    public async Task Leaves_another_node_sealed_in_between_are_read_back_into_the_fold()
    {
        var before = await host.CheckpointAsync();
        await host.AppendAsync(3);
        var otherSealed = await host.OtherNode().SealAsync(Ct);
        await host.AppendAsync(2);

        var signed = await host.CheckpointAsync();

        signed.TreeSize.ShouldBeGreaterThan(otherSealed);
        await ShouldExtendAsync(before, signed);
        (await host.VerifyAsync()).Ok.ShouldBeTrue();
    }

    [Fact]
    public async Task After_another_node_signed_the_next_signed_root_extends_its_checkpoint()
    {
        var ours = await host.CheckpointAsync();
        await host.AppendAsync(3);
        var theirs = (await host.OtherNode().CheckpointAsync(force: true, Ct))!;
        await host.AppendAsync(2);

        var next = await host.CheckpointAsync();

        await ShouldExtendAsync(ours, theirs);
        await ShouldExtendAsync(theirs, next);
        (await host.VerifyAsync()).Ok.ShouldBeTrue();
    }

    /// <summary>
    /// Seals what was appended, edits the last sealed leaf row, and signs: the signed root must be the one the sealer
    /// folded, not one read back from the table (which the edited row would change). Restores the row.
    /// </summary>
    private async Task<StoredCheckpoint> SignsWhatItSealedAsync()
    {
        var size = await Node.SealAsync(Ct);
        var sealedRoot = await Node.ReadTreeAsync(tree => tree.Root(size), Ct);
        var last = size - 1;
        var original = await host.SqlAsync<string>($"select encode(leaf_hash, 'hex') from {Leaves} where leaf_index = {last}");
        await host.SqlAsync($"update {Leaves} set leaf_hash = '\\x{new string('0', 64)}' where leaf_index = {last}");
        StoredCheckpoint signed;
        try
        {
            signed = await host.CheckpointAsync();
            signed.TreeSize.ShouldBe(size);
            Convert.ToHexStringLower(signed.RootHash).ShouldBe(Convert.ToHexStringLower(sealedRoot),
                "signed from the leaf hashes the sealer computed from the events");
            (await host.VerifyAsync()).Findings.ShouldNotBeEmpty("verify still names the edited row");
        }
        finally
        {
            await host.SqlAsync($"update {Leaves} set leaf_hash = '\\x{original}' where leaf_index = {last}");
        }
        (await host.VerifyAsync()).Ok.ShouldBeTrue();
        return signed;
    }

    /// <summary>The later checkpoint's root is the recorded leaves' root, and a consistency proof joins the two.</summary>
    private async Task ShouldExtendAsync(StoredCheckpoint earlier, StoredCheckpoint later)
    {
        later.TreeSize.ShouldBeGreaterThan(earlier.TreeSize);
        var root = await Node.ReadTreeAsync(tree => tree.Root(later.TreeSize), Ct);
        Convert.ToHexStringLower(later.RootHash).ShouldBe(Convert.ToHexStringLower(root));
        var proof = await Node.ReadTreeAsync(tree => tree.ConsistencyProof(earlier.TreeSize, later.TreeSize), Ct);
        MerkleTree.VerifyConsistency(earlier.TreeSize, later.TreeSize, earlier.RootHash, later.RootHash, [.. proof]).ShouldBeTrue();
    }
}
