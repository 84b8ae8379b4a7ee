using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using MyGovernment.Api.Identity;
using MyGovernment.Domain.Integrity;
using MyGovernment.Integrity;
using Wolverine.Http;

namespace MyGovernment.Api.Integrity;

/// <summary>
/// The public key as an auditor needs it: PEM for openssl and .NET, the key id (hex, as in every signature line) and
/// the C2SP verifier key string that transparency-dev's note verifiers take.
/// </summary>
public sealed record PublicKeyView(string Origin, string Algorithm, string Pem, string KeyId, string VerifierKey);

public static class CheckpointEndpoints
{
    /// <summary>Every signed checkpoint, oldest first: copy them somewhere the operators of this system cannot write.</summary>
    [Authorize(Roles = Roles.Auditor)]
    [WolverineGet("/api/audit/checkpoints", OperationId = "ListCheckpoints")]
    [EndpointSummary("List signed checkpoints")]
    [EndpointDescription("Every signed checkpoint (tree size, root hash, time, signature) in the C2SP signed-note format, for auditors to keep outside the system.")]
    [Tags("Audit")]
    public static async Task<IReadOnlyList<CheckpointView>> List(IntegrityLog log, CancellationToken ct) =>
        (await log.CheckpointsAsync(ct)).Select(CheckpointView.From).ToList();

    /// <summary>Seals every committed event and signs a checkpoint now.</summary>
    [Authorize(Roles = Roles.Auditor)]
    [WolverinePost("/api/audit/checkpoints", OperationId = "CreateCheckpoint")]
    [ProducesResponseType<CheckpointView>(StatusCodes.Status201Created)]
    [EndpointSummary("Sign a checkpoint now")]
    [EndpointDescription("Seals the events appended so far and signs a checkpoint of the Merkle tree over the whole event log.")]
    [Tags("Audit")]
    public static async Task<IResult> Create(IntegrityLog log, CancellationToken ct)
    {
        var checkpoint = (await log.CheckpointAsync(force: true, ct))!;
        return Results.Created($"/api/audit/checkpoints/{checkpoint.Id}", CheckpointView.From(checkpoint));
    }

    /// <summary>The public half of the checkpoint key (PEM, SubjectPublicKeyInfo): all an auditor needs to verify offline.</summary>
    [AllowAnonymous]
    [WolverineGet("/api/audit/public-key", OperationId = "GetCheckpointPublicKey")]
    [EndpointSummary("Get the checkpoint public key")]
    [EndpointDescription("The ECDSA P-256 public key (PEM) that verifies checkpoints and receipts offline. Public by design.")]
    [Tags("Audit")]
    public static PublicKeyView PublicKey(CheckpointKey key, IOptions<IntegrityOptions> options) =>
        new(options.Value.Origin, "C2SP signed-note type 0x02: ECDSA P-256, SHA-256, DER signature", key.PublicKeyPem(),
            Convert.ToHexStringLower(SignedNote.KeyId(key.Key)), SignedNote.VerifierKey(options.Value.Origin, key.Key));
}
