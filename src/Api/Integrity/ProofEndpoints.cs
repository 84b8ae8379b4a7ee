using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using MyGovernment.Api.Identity;
using MyGovernment.Integrity;
using Wolverine.Http;

namespace MyGovernment.Api.Integrity;

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
    public static async Task<IResult> Inclusion(long seq, long? treeSize, LogProofs proofs, CancellationToken ct) =>
        Respond(await proofs.ReceiptAsync(seq, treeSize, ct));

    /// <summary>Proves the log of size `from` is a prefix of the log of size `to` (RFC 9162 §2.1.4).</summary>
    [Authorize(Roles = Roles.Auditor)]
    [WolverineGet("/api/audit/proofs/consistency", OperationId = "GetConsistencyProof")]
    [ProducesResponseType<ConsistencyProofView>(StatusCodes.Status200OK)]
    [EndpointSummary("Get a consistency proof")]
    [EndpointDescription("An RFC 9162 consistency proof between two tree sizes (two checkpoints): the later log extends the earlier one unchanged.")]
    [Tags("Audit")]
    public static async Task<IResult> Consistency(long from, long to, LogProofs proofs, CancellationToken ct) =>
        Respond(await proofs.ConsistencyAsync(from, to, ct));

    /// <summary>The proof, else a problem: 404 for an event no checkpoint covers yet, 400 for tree sizes that cannot be.</summary>
    public static IResult Respond<T>(ProofResult<T> result)
        where T : class =>
        result.Refusal is { } refusal
            ? Results.Problem(detail: refusal.Detail, statusCode: refusal.NotFound ? 404 : 400,
                extensions: new Dictionary<string, object?> { ["code"] = refusal.Code })
            : Results.Ok(result.Proof);
}
