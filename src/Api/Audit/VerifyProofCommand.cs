using System.Security.Cryptography;
using System.Text.Json;
using JasperFx.CommandLine;
using MyGovernment.Domain.Integrity;

namespace MyGovernment.Api.Audit;

public sealed class VerifyProofInput
{
    [Description("A receipt saved from GET /api/audit/proofs/inclusion (or a payment's receipt/proof), or a consistency proof saved from GET /api/audit/proofs/consistency")]
    public string FileFlag { get; set; } = "receipt.json";

    [Description("The PEM public key saved from GET /api/audit/public-key")]
    public string PublicKeyFlag { get; set; } = "key.pem";
}

public static class ReceiptFile
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };
}

/// <summary>
/// `dotnet run --project src/Api -- verify-proof --file receipt.json --public-key key.pem`: checks a proof with no
/// database and no network. An inclusion receipt: the checkpoint's signature, that the leaf bytes hash to the
/// leaf, and the audit path. A consistency proof: both checkpoints' signatures and the proof between their roots.
/// </summary>
[Description("Check an inclusion receipt or a consistency proof offline against signed checkpoints and the public key", Name = Name)]
public sealed class VerifyProofCommand : JasperFxAsyncCommand<VerifyProofInput>
{
    public const string Name = "verify-proof";

    public override async Task<bool> Execute(VerifyProofInput input)
    {
        // Relative to the caller's folder, not the project's (see CallerPath).
        input.FileFlag = MyGovernment.Api.Hosting.CallerPath.Resolve(input.FileFlag);
        input.PublicKeyFlag = MyGovernment.Api.Hosting.CallerPath.Resolve(input.PublicKeyFlag);
        foreach (var path in new[] { input.FileFlag, input.PublicKeyFlag })
        {
            if (!File.Exists(path))
            {
                Console.WriteLine($"FAILED: no such file: {path}");
                return false;
            }
        }
        var (ok, message) = await CheckFilesAsync(input.FileFlag, input.PublicKeyFlag);
        Console.WriteLine(message);
        return ok;
    }

    /// <summary>What the command does, minus the console: reads the two files as saved from the API.</summary>
    public static async Task<(bool Ok, string Message)> CheckFilesAsync(string proofFile, string publicKeyFile)
    {
        using var key = ECDsa.Create();
        key.ImportFromPem(await File.ReadAllTextAsync(publicKeyFile));
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(proofFile));
        return json.RootElement.TryGetProperty("auditPath", out _)
            ? Check(json.RootElement.Deserialize<InclusionReceipt>(ReceiptFile.Json)!, key)
            : Check(json.RootElement.Deserialize<ConsistencyProofView>(ReceiptFile.Json)!, key);
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
