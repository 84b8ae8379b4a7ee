using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace MyGovernment.Witness;

/// <summary>
/// A witnessed log's public key from its vkey ("name+keyid+base64(0x02 ‖ SubjectPublicKeyInfo)": signed-note
/// signature type 0x02, ECDSA P-256 over SHA-256, DER signature, key id = SHA-256(SPKI)[:4]) and the check of a
/// checkpoint note's signature by it. The witness's own reading of the format, independent of the log's code.
/// </summary>
public sealed class LogKey
{
    private readonly ECDsa _key;
    private readonly uint _keyId;

    private LogKey(string name, ECDsa key, uint keyId)
    {
        Name = name;
        _key = key;
        _keyId = keyId;
    }

    public string Name { get; }

    public static LogKey Parse(string vkey)
    {
        var parts = vkey.Split('+', 3);
        var material = parts.Length == 3 ? Convert.FromBase64String(parts[2]) : [];
        if (material.Length < 2 || material[0] != 0x02)
        {
            throw new FormatException($"Not an ECDSA (type 0x02) verifier key: {vkey}");
        }
        var key = ECDsa.Create();
        key.ImportSubjectPublicKeyInfo(material.AsSpan(1), out _);
        var id = SHA256.HashData(material.AsSpan(1))[..4];
        if (!string.Equals(Convert.ToHexStringLower(id), parts[1], StringComparison.OrdinalIgnoreCase))
        {
            throw new FormatException($"The key id of {vkey} does not match its key.");
        }
        return new LogKey(parts[0], key, BinaryPrimitives.ReadUInt32BigEndian(id));
    }

    /// <summary>Whether a signature line of this key over <paramref name="body"/> verifies (lines of other keys are ignored).</summary>
    public bool HasSignatureOver(string body, IEnumerable<string> signatureLines)
    {
        foreach (var line in signatureLines)
        {
            var parts = line.Split(' ');
            if (parts.Length != 3 || parts[1] != Name)
            {
                continue;
            }
            byte[] blob;
            try
            {
                blob = Convert.FromBase64String(parts[2]);
            }
            catch (FormatException)
            {
                continue;
            }
            if (blob.Length > 4 && BinaryPrimitives.ReadUInt32BigEndian(blob) == _keyId
                && _key.VerifyData(Encoding.UTF8.GetBytes(body), blob.AsSpan(4), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence))
            {
                return true;
            }
        }
        return false;
    }
}
