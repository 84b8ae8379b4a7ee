using System.Security.Cryptography;
using System.Text.Json;
using JasperFx.CommandLine;
using MyGovernment.Domain.Integrity;

namespace MyGovernment.Api.Audit;

public sealed class VerifyProofInput
{
    [Description("A receipt saved from GET /api/audit/proofs/inclusion")]
    public string FileFlag { get; set; } = "receipt.json";

    [Description("The PEM public key saved from GET /api/audit/public-key")]
    public string PublicKeyFlag { get; set; } = "key.pem";
}

public static class ReceiptFile
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };
}

/// <summary>
/// `dotnet run --project src/Api -- verify-proof --file receipt.json --public-key key.pem`: checks a receipt with
/// no database and no network: the checkpoint's signature, that the leaf bytes hash to the leaf, and the audit path.
/// </summary>
[Description("Check an inclusion receipt offline against a signed checkpoint and the public key", Name = "verify-proof")]
public sealed class VerifyProofCommand : JasperFxAsyncCommand<VerifyProofInput>
{
    public override async Task<bool> Execute(VerifyProofInput input)
    {
        var receipt = JsonSerializer.Deserialize<InclusionReceipt>(await File.ReadAllTextAsync(input.FileFlag), ReceiptFile.Json)!;
        using var key = ECDsa.Create();
        key.ImportFromPem(await File.ReadAllTextAsync(input.PublicKeyFlag));
        var (ok, message) = Check(receipt, key);
        Console.WriteLine(message);
        return ok;
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
        var leaf = MerkleTree.LeafHash(Convert.FromBase64String(receipt.LeafBytes));
        if (!leaf.AsSpan().SequenceEqual(Convert.FromBase64String(receipt.LeafHash)))
        {
            return (false, "FAIL: the event's leaf bytes do not hash to the leaf hash");
        }
        var path = receipt.AuditPath.Select(Convert.FromBase64String).ToList();
        return MerkleTree.VerifyInclusion(receipt.LeafIndex, receipt.TreeSize, leaf, path, checkpoint.RootHash)
            ? (true, $"OK: event seq {receipt.Seq} is leaf {receipt.LeafIndex} of the signed log of {receipt.TreeSize} events ({checkpoint.Origin}, {checkpoint.Time:O})")
            : (false, "FAIL: the audit path does not lead to the signed root");
    }
}
