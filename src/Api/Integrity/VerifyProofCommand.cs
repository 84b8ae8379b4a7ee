using JasperFx.CommandLine;
using MyGovernment.Integrity;

namespace MyGovernment.Api.Integrity;

public sealed class VerifyProofInput
{
    [Description("A receipt saved from GET /api/audit/proofs/inclusion (or a payment's receipt/proof), or a consistency proof saved from GET /api/audit/proofs/consistency")]
    public string FileFlag { get; set; } = "receipt.json";

    [Description("The PEM public key saved from GET /api/audit/public-key")]
    public string PublicKeyFlag { get; set; } = "key.pem";

    [Description("A witness verifier key (vkey) the auditor holds; repeat for several: each must have cosigned the checkpoint")]
    public List<string> WitnessKeyFlag { get; set; } = [];
}

/// <summary>
/// `dotnet run --project src/Api -- verify-proof --file receipt.json --public-key key.pem`: checks a proof with no
/// database and no network (<see cref="OfflineCheck"/>).
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
        var (ok, message) = await OfflineCheck.CheckFilesAsync(input.FileFlag, input.PublicKeyFlag, input.WitnessKeyFlag);
        Console.WriteLine(message);
        return ok;
    }
}
