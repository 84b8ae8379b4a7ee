using System.Security.Cryptography;
using System.Text.Json;
using MyGovernment.Domain.Integrity;

namespace MyGovernment.Integrity;

/// <summary>The JSON of the files an auditor saves from the API and hands to `verify` and `verify-proof`.</summary>
public static class ReceiptFile
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };
}

/// <summary>
/// Checks a proof with no database and no network. An inclusion receipt: the checkpoint's signature, that the leaf
/// bytes hash to the leaf, and the audit path. A consistency proof: both checkpoints' signatures and the proof
/// between their roots.
/// </summary>
public static class OfflineCheck
{
    /// <summary>Reads the two files as saved from the API: a receipt or a consistency proof, and the PEM public key.</summary>
    /// <param name="witnessKeys">Witness verifier keys the auditor holds: each must have cosigned the proof's checkpoint(s).</param>
    public static async Task<(bool Ok, string Message)> CheckFilesAsync(string proofFile, string publicKeyFile, IReadOnlyList<string>? witnessKeys = null)
    {
        using var key = ECDsa.Create();
        key.ImportFromPem(await File.ReadAllTextAsync(publicKeyFile));
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(proofFile));
        var (ok, message) = json.RootElement.TryGetProperty("auditPath", out _)
            ? Check(json.RootElement.Deserialize<InclusionReceipt>(ReceiptFile.Json)!, key)
            : Check(json.RootElement.Deserialize<ConsistencyProofView>(ReceiptFile.Json)!, key);
        if (!ok || witnessKeys is not { Count: > 0 })
        {
            return (ok, message);
        }
        var notes = json.RootElement.TryGetProperty("auditPath", out _)
            ? [json.RootElement.Deserialize<InclusionReceipt>(ReceiptFile.Json)!.Checkpoint!]
            : json.RootElement.Deserialize<ConsistencyProofView>(ReceiptFile.Json) is { } p ? new[] { p.FromCheckpoint!, p.ToCheckpoint! } : [];
        return CheckCosignatures(notes, witnessKeys) is { } failure ? (false, failure) : (true, message + $"; cosigned by {witnessKeys.Count} witness(es)");
    }

    /// <summary>Null when every witness validly cosigned every note; otherwise what is wrong.</summary>
    public static string? CheckCosignatures(IEnumerable<string> notes, IReadOnlyList<string> witnessKeys)
    {
        foreach (var note in notes)
        {
            foreach (var witness in witnessKeys.Select(WitnessKey.Parse))
            {
                if (witness.Check(note) is not (WitnessKey.Valid, _) and var (status, _))
                {
                    return $"FAIL: the cosignature of witness {witness.Name} is {status} on the checkpoint of size {SignedCheckpoint.Parse(note)?.TreeSize}";
                }
            }
        }
        return null;
    }

    public static (bool Ok, string Message) Check(InclusionReceipt receipt, ECDsa publicKey)
    {
        if (receipt.Checkpoint is null || SignedCheckpoint.Verify(receipt.Checkpoint, publicKey) is not { } checkpoint)
        {
            return (false, "FAIL: the receipt's checkpoint is missing or not signed by this key");
        }
        if (checkpoint.TreeSize != receipt.TreeSize)
        {
            return (false, $"FAIL: the checkpoint is for size {checkpoint.TreeSize}, the proof for {receipt.TreeSize}");
        }
        var leafBytes = Convert.FromBase64String(receipt.LeafBytes);
        var leaf = MerkleTree.LeafHash(leafBytes);
        if (!leaf.AsSpan().SequenceEqual(Convert.FromBase64String(receipt.LeafHash)))
        {
            return (false, "FAIL: the event's leaf bytes do not hash to the leaf hash");
        }
        var path = receipt.AuditPath.Select(Convert.FromBase64String).ToList();
        if (!MerkleTree.VerifyInclusion(receipt.LeafIndex, receipt.TreeSize, leaf, path, checkpoint.RootHash))
        {
            return (false, "FAIL: the audit path does not lead to the signed root");
        }
        // The seq in the JSON is not signed; the one inside the leaf bytes is. Say which event was proven from those.
        return EventLeaf.Decode(leafBytes) is { } described && described.Sequence == receipt.Seq
            ? (true, $"OK: event seq {described.Sequence} ({described.Type}, id {described.Id}, stream {described.StreamId}) " +
                     $"is leaf {receipt.LeafIndex} of the signed log of {receipt.TreeSize} events ({checkpoint.Origin}, {checkpoint.Time:O})")
            : (false, $"FAIL: the proven leaf is not event seq {receipt.Seq}");
    }

    public static (bool Ok, string Message) Check(ConsistencyProofView proof, ECDsa publicKey)
    {
        if (proof.FromCheckpoint is null || SignedCheckpoint.Verify(proof.FromCheckpoint, publicKey) is not { } from
            || proof.ToCheckpoint is null || SignedCheckpoint.Verify(proof.ToCheckpoint, publicKey) is not { } to)
        {
            return (false, "FAIL: a checkpoint is missing or not signed by this key");
        }
        if (from.TreeSize != proof.From || to.TreeSize != proof.To)
        {
            return (false, $"FAIL: the checkpoints are for sizes {from.TreeSize} and {to.TreeSize}, the proof for {proof.From} and {proof.To}");
        }
        return MerkleTree.VerifyConsistency(from.TreeSize, to.TreeSize, from.RootHash, to.RootHash, proof.Proof.Select(Convert.FromBase64String).ToList())
            ? (true, $"OK: the signed log of {to.TreeSize} events ({to.Time:O}) extends the signed log of {from.TreeSize} events ({from.Time:O}) unchanged")
            : (false, "FAIL: the consistency proof does not connect the two signed roots");
    }
}
