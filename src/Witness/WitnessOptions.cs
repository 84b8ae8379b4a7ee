namespace MyGovernment.Witness;

/// <summary>Configuration section "Witness".</summary>
public sealed class WitnessOptions
{
    /// <summary>The witness's name: the key name of its cosignatures (a schema-less URL, e.g. witness.audit-bureau.ps/1).</summary>
    public string Name { get; set; } = "witness.localhost/dev";

    /// <summary>Its Ed25519 private key seed (32 bytes, base64). Takes precedence over the file.</summary>
    public string? KeySeed { get; set; }

    /// <summary>A file holding the seed, created with a fresh key if missing (git-ignored), relative to the content root.</summary>
    public string KeyFile { get; set; } = ".keys/witness-key";

    /// <summary>The file where it keeps the latest checkpoint it cosigned per log: its memory, outside any log's database.</summary>
    public string StateFile { get; set; } = ".keys/witness-state.json";

    /// <summary>The logs it witnesses: origin and verifier key (vkey, signature type 0x02 ECDSA P-256).</summary>
    public List<WitnessedLog> Logs { get; set; } = [];
}

public sealed class WitnessedLog
{
    public string Origin { get; set; } = "";

    public string VerifierKey { get; set; } = "";
}
