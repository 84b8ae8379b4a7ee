using MyGovernment.Domain.Integrity;

namespace MyGovernment.Integrity;

/// <summary>RFC 9162 inclusion and consistency proofs over the sealed log, with the signed checkpoints they are checked against.</summary>
public sealed class LogProofs(IntegrityLog log, IntegrityDatabase db)
{
    /// <summary>The receipt of one event in the log of <paramref name="treeSize"/> leaves (default: the latest checkpoint's size).</summary>
    public async Task<ProofResult<InclusionReceipt>> ReceiptAsync(long seq, long? treeSize, CancellationToken ct)
    {
        var checkpoints = await log.CheckpointsAsync(ct);
        var size = treeSize ?? (checkpoints.Count > 0 ? checkpoints[^1].TreeSize : 0);
        if (await log.LeafIndexOfAsync(seq, ct) is not { } found || found.Index >= size)
        {
            return new ProofRefusal("not_sealed", $"Event {seq} is not among the first {size} sealed events (not yet covered by a signed checkpoint).");
        }
        if (size > found.Size)
        {
            return new ProofRefusal("tree_too_large", $"The log has only {found.Size} sealed events.");
        }
        var (leafHash, path, root) = await log.ReadTreeAsync(
            tree => (tree.Subtree(found.Index, found.Index + 1), tree.InclusionProof(found.Index, size), tree.Root(size)), ct);
        var leaf = await ReadLeafAsync(seq, ct);
        return new InclusionReceipt(
            seq, found.Index, size, leaf is null ? "" : Convert.ToBase64String(leaf.Bytes()), Convert.ToBase64String(leafHash),
            path.Select(Convert.ToBase64String).ToList(),
            Convert.ToBase64String(root), checkpoints.LastOrDefault(c => c.TreeSize == size)?.Note);
    }

    /// <summary>Proves the log of size <paramref name="from"/> is a prefix of the log of size <paramref name="to"/> (RFC 9162 §2.1.4).</summary>
    public async Task<ProofResult<ConsistencyProofView>> ConsistencyAsync(long from, long to, CancellationToken ct)
    {
        var checkpoints = await log.CheckpointsAsync(ct);
        var sealedSize = await log.SealedSizeAsync(ct);
        if (from < 0 || from > to || to > sealedSize)
        {
            return new ProofRefusal("bad_tree_sizes", $"Need 0 ≤ from ≤ to ≤ {sealedSize} (the sealed size).");
        }
        var (fromRoot, toRoot, proof) = await log.ReadTreeAsync(tree => (tree.Root(from), tree.Root(to), tree.ConsistencyProof(from, to)), ct);
        return new ConsistencyProofView(from, to, Convert.ToBase64String(fromRoot), Convert.ToBase64String(toRoot),
            proof.Select(Convert.ToBase64String).ToList(),
            checkpoints.LastOrDefault(c => c.TreeSize == from)?.Note, checkpoints.LastOrDefault(c => c.TreeSize == to)?.Note);
    }

    private async Task<EventLeaf?> ReadLeafAsync(long seq, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await foreach (var e in EventRows.ReadAsync(connection, db.Schema, seq - 1, 1, ct))
        {
            return e.Sequence == seq ? e : null;
        }
        return null;
    }
}
