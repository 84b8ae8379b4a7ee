using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Authorization;
using MyGovernment.Api.Identity;
using MyGovernment.Domain.Integrity;
using Npgsql;
using Wolverine.Http;

namespace MyGovernment.Api.Audit;

/// <summary>
/// A receipt: the event as leaf bytes, its audit path to the root of a tree size, and the signed checkpoint of
/// that size when there is one. `verify-proof` checks it offline with only the public key.
/// </summary>
public sealed record InclusionReceipt(
    long Seq, long LeafIndex, long TreeSize, string LeafBytes, string LeafHash, IReadOnlyList<string> AuditPath, string RootHash, string? Checkpoint);

public sealed record ConsistencyProofView(long From, long To, string FromRoot, string ToRoot, IReadOnlyList<string> Proof, string? FromCheckpoint, string? ToCheckpoint);

public static class ProofEndpoints
{
    /// <summary>Proves the event with this seq_id is in the log of treeSize leaves (default: the latest checkpoint's size).</summary>
    [Authorize(Roles = Roles.Auditor)]
    [WolverineGet("/api/audit/proofs/inclusion", OperationId = "GetInclusionProof")]
    [ProducesResponseType<InclusionReceipt>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [EndpointSummary("Get an inclusion proof")]
    [EndpointDescription("An RFC 9162 inclusion proof of one event (by global sequence) in a tree of the given size, with the event's leaf bytes: a receipt that verifies offline.")]
    [Tags("Audit")]
    public static Task<IResult> Inclusion(long seq, long? treeSize, IntegrityLog log, IntegrityDatabase db, CancellationToken ct) =>
        ReceiptAsync(seq, treeSize, log, db, ct);

    /// <summary>The receipt of one event (also what a citizen's payment receipt proof returns).</summary>
    public static async Task<IResult> ReceiptAsync(long seq, long? treeSize, IntegrityLog log, IntegrityDatabase db, CancellationToken ct)
    {
        var checkpoints = await log.CheckpointsAsync(ct);
        var size = treeSize ?? (checkpoints.Count > 0 ? checkpoints[^1].TreeSize : 0);
        if (await log.LeafIndexOfAsync(seq, ct) is not { } found || found.Index >= size)
        {
            return Problem(404, "not-sealed", $"Event {seq} is not among the first {size} sealed events (not yet covered by a signed checkpoint).");
        }
        if (size > found.Size)
        {
            return Problem(400, "tree-too-large", $"The log has only {found.Size} sealed events.");
        }
        var (leafHash, path, root) = await log.ReadTreeAsync(
            tree => (tree.Subtree(found.Index, found.Index + 1), tree.InclusionProof(found.Index, size), tree.Root(size)), ct);
        var leaf = await ReadLeafAsync(db, seq, ct);
        return Results.Ok(new InclusionReceipt(
            seq, found.Index, size, leaf is null ? "" : Convert.ToBase64String(leaf.Bytes()), Convert.ToBase64String(leafHash),
            path.Select(Convert.ToBase64String).ToList(),
            Convert.ToBase64String(root), checkpoints.LastOrDefault(c => c.TreeSize == size)?.Note));
    }

    /// <summary>Proves the log of size `from` is a prefix of the log of size `to` (RFC 9162 §2.1.4).</summary>
    [Authorize(Roles = Roles.Auditor)]
    [WolverineGet("/api/audit/proofs/consistency", OperationId = "GetConsistencyProof")]
    [ProducesResponseType<ConsistencyProofView>(StatusCodes.Status200OK)]
    [EndpointSummary("Get a consistency proof")]
    [EndpointDescription("An RFC 9162 consistency proof between two tree sizes (two checkpoints): the later log extends the earlier one unchanged.")]
    [Tags("Audit")]
    public static async Task<IResult> Consistency(long from, long to, IntegrityLog log, CancellationToken ct)
    {
        var checkpoints = await log.CheckpointsAsync(ct);
        var sealedSize = await log.SealedSizeAsync(ct);
        if (from < 0 || from > to || to > sealedSize)
        {
            return Problem(400, "bad-tree-sizes", $"Need 0 ≤ from ≤ to ≤ {sealedSize} (the sealed size).");
        }
        var (fromRoot, toRoot, proof) = await log.ReadTreeAsync(tree => (tree.Root(from), tree.Root(to), tree.ConsistencyProof(from, to)), ct);
        return Results.Ok(new ConsistencyProofView(from, to, Convert.ToBase64String(fromRoot), Convert.ToBase64String(toRoot),
            proof.Select(Convert.ToBase64String).ToList(),
            checkpoints.LastOrDefault(c => c.TreeSize == from)?.Note, checkpoints.LastOrDefault(c => c.TreeSize == to)?.Note));
    }

    private static IResult Problem(int status, string code, string detail) =>
        Results.Problem(detail: detail, statusCode: status, extensions: new Dictionary<string, object?> { ["code"] = code });

    private static async Task<EventLeaf?> ReadLeafAsync(IntegrityDatabase db, long seq, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await foreach (var e in EventRows.ReadAsync(connection, db.Schema, seq - 1, 1, ct))
        {
            return e.Sequence == seq ? e : null;
        }
        return null;
    }
}
