using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;

namespace MyGovernment.Witness;

/// <summary>
/// The witness's Ed25519 key and its cosignatures (c2sp.org/tlog-cosignature, cosignature/v1): the signed message is
/// "cosignature/v1\n" "time &lt;unix seconds&gt;\n" then the checkpoint body; the signature line carries key id ‖
/// 8-byte big-endian timestamp ‖ 64-byte signature; key id = SHA-256(name ‖ "\n" ‖ 0x04 ‖ public key)[:4].
/// .NET has no Ed25519, so BouncyCastle's (RFC 8032) signs.
/// </summary>
public sealed class CosigningKey
{
    public const byte CosignatureType = 0x04;

    private readonly Ed25519PrivateKeyParameters _key;

    public CosigningKey(string name, byte[] seed)
    {
        Name = name;
        _key = new Ed25519PrivateKeyParameters(seed, 0);
        PublicKey = _key.GeneratePublicKey().GetEncoded();
        KeyId = SHA256.HashData([.. Encoding.UTF8.GetBytes(name + "\n"), CosignatureType, .. PublicKey])[..4];
    }

    public string Name { get; }

    public byte[] PublicKey { get; }

    public byte[] KeyId { get; }

    /// <summary>The vkey an auditor configures to check this witness's cosignatures.</summary>
    public string VerifierKey => $"{Name}+{Convert.ToHexStringLower(KeyId)}+{Convert.ToBase64String([CosignatureType, .. PublicKey])}";

    /// <summary>The note signature line (ending in a newline) cosigning <paramref name="checkpointBody"/> at <paramref name="time"/>.</summary>
    public string Cosign(string checkpointBody, DateTimeOffset time)
    {
        var seconds = (ulong)time.ToUnixTimeSeconds();
        var message = Encoding.UTF8.GetBytes($"cosignature/v1\ntime {seconds}\n{checkpointBody}");
        var signer = new Ed25519Signer();
        signer.Init(true, _key);
        signer.BlockUpdate(message, 0, message.Length);
        var signature = signer.GenerateSignature();
        var blob = new byte[4 + 8 + signature.Length];
        KeyId.CopyTo(blob, 0);
        BinaryPrimitives.WriteUInt64BigEndian(blob.AsSpan(4), seconds);
        signature.CopyTo(blob, 12);
        return $"\u2014 {Name} {Convert.ToBase64String(blob)}\n";
    }

    /// <summary>The configured seed, else the key file's, else a new seed written to the file.</summary>
    public static CosigningKey Load(WitnessOptions options, string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(options.KeySeed))
        {
            return new CosigningKey(options.Name, Convert.FromBase64String(options.KeySeed));
        }
        var path = Path.Combine(contentRoot, options.KeyFile);
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            File.WriteAllText(path, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        }
        return new CosigningKey(options.Name, Convert.FromBase64String(File.ReadAllText(path).Trim()));
    }
}
