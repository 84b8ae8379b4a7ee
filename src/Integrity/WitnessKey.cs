using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;

namespace MyGovernment.Integrity;

/// <summary>One witness cosignature of a checkpoint, as checked: valid, missing (none by this witness) or invalid.</summary>
public sealed record CosignatureCheck(long CheckpointId, long TreeSize, string Witness, string Status, DateTimeOffset? CosignedAt);

/// <summary>
/// A witness's public key from its vkey ("name+keyid+base64(0x04 ‖ 32-byte Ed25519 key)") and the check of its
/// cosignatures (c2sp.org/tlog-cosignature, cosignature/v1): signed message "cosignature/v1\ntime T\n" ‖ checkpoint
/// body; signature line base64(key id ‖ 8-byte big-endian T ‖ 64-byte Ed25519 signature); key id =
/// SHA-256(name ‖ "\n" ‖ 0x04 ‖ key)[:4]. BouncyCastle verifies (.NET has no Ed25519).
/// </summary>
public sealed record WitnessKey(string Name, byte[] KeyId, byte[] PublicKey)
{
    public const string Valid = "valid";
    public const string Missing = "missing";
    public const string Invalid = "invalid";

    public static WitnessKey Parse(string vkey)
    {
        var parts = vkey.Split('+', 3);
        var material = parts.Length == 3 ? Convert.FromBase64String(parts[2]) : [];
        if (material.Length != 33 || material[0] != 0x04)
        {
            throw new FormatException($"Not an Ed25519 cosignature (type 0x04) verifier key: {vkey}");
        }
        var key = new WitnessKey(parts[0], SHA256.HashData([.. Encoding.UTF8.GetBytes(parts[0] + "\n"), .. material])[..4], material[1..]);
        return string.Equals(Convert.ToHexStringLower(key.KeyId), parts[1], StringComparison.OrdinalIgnoreCase)
            ? key
            : throw new FormatException($"The key id of {vkey} does not match its key.");
    }

    /// <summary>This witness's cosignature among the note's signature lines: valid (with its time), missing, or invalid.</summary>
    public (string Status, DateTimeOffset? Time) Check(string note)
    {
        var split = note.LastIndexOf("\n\n", StringComparison.Ordinal);
        if (split < 0)
        {
            return (Missing, null);
        }
        var body = note[..(split + 1)];
        var status = (Missing, (DateTimeOffset?)null);
        foreach (var line in note[(split + 2)..].Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = line.Split(' ');
            if (parts.Length != 3 || parts[1] != Name || Blob(parts[2]) is not { Length: 76 } blob || !blob.AsSpan(0, 4).SequenceEqual(KeyId))
            {
                continue;
            }
            var seconds = BinaryPrimitives.ReadUInt64BigEndian(blob.AsSpan(4));
            var message = Encoding.UTF8.GetBytes($"cosignature/v1\ntime {seconds}\n{body}");
            var verifier = new Ed25519Signer();
            verifier.Init(false, new Ed25519PublicKeyParameters(PublicKey, 0));
            verifier.BlockUpdate(message, 0, message.Length);
            if (!verifier.VerifySignature(blob[12..]))
            {
                return (Invalid, null);
            }
            status = (Valid, DateTimeOffset.FromUnixTimeSeconds((long)Math.Min(seconds, long.MaxValue)));
        }
        return status;
    }

    private static byte[]? Blob(string base64)
    {
        try
        {
            return Convert.FromBase64String(base64);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
