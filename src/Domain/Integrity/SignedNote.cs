using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace MyGovernment.Domain.Integrity;

/// <summary>
/// A C2SP signed note (c2sp.org/signed-note) with ECDSA signatures of signature type 0x02, "ECDSA signatures as
/// implemented by github.com/transparency-dev/witness" — the type Sigstore's Rekor log signs its checkpoints
/// with, so the same verifiers accept ours:
/// <list type="bullet">
/// <item>the note text ends in a newline; then a blank line; then lines "— key-name base64(key id ‖ signature)";</item>
/// <item>signature = ECDSA P-256 over SHA-256 of the note text (every byte up to and including the newline before
///   the blank line), ASN.1 DER encoded (RFC 3279), which `openssl dgst -sha256 -verify` also checks;</item>
/// <item>key id = the first four bytes of SHA-256(SubjectPublicKeyInfo DER) — for type 0x02 the spec defines the
///   id this way, without the key name and type byte the Ed25519 id mixes in;</item>
/// <item>verifier key (the "vkey" transparency-dev's note.NewVerifier parses) = key-name "+" 8 hex digits of
///   the key id "+" base64(0x02 ‖ SubjectPublicKeyInfo DER).</item>
/// </list>
/// </summary>
public static class SignedNote
{
    public const byte EcdsaSignatureType = 0x02;

    private const string SignaturePrefix = "\u2014 ";

    public static byte[] KeyId(ECDsa key) => SHA256.HashData(key.ExportSubjectPublicKeyInfo())[..4];

    public static string VerifierKey(string keyName, ECDsa key)
    {
        CheckKeyName(keyName);
        return $"{keyName}+{Convert.ToHexStringLower(KeyId(key))}+{Convert.ToBase64String([EcdsaSignatureType, .. key.ExportSubjectPublicKeyInfo()])}";
    }

    /// <summary>The public key and name a verifier key string names, if its key id matches its key (null otherwise).</summary>
    public static (string KeyName, ECDsa Key)? ParseVerifierKey(string vkey)
    {
        var parts = vkey.Split('+', 3); // the base64 key material may itself contain '+'
        if (parts.Length != 3 || parts[1].Length != 8)
        {
            return null;
        }
        try
        {
            var material = Convert.FromBase64String(parts[2]);
            if (material.Length < 2 || material[0] != EcdsaSignatureType)
            {
                return null;
            }
            var key = ECDsa.Create();
            key.ImportSubjectPublicKeyInfo(material.AsSpan(1), out _);
            if (!string.Equals(Convert.ToHexStringLower(KeyId(key)), parts[1], StringComparison.OrdinalIgnoreCase))
            {
                key.Dispose();
                return null;
            }
            return (parts[0], key);
        }
        catch (Exception e) when (e is FormatException or CryptographicException)
        {
            return null;
        }
    }

    public static string Sign(string text, string keyName, ECDsa key)
    {
        CheckKeyName(keyName);
        if (!text.EndsWith('\n') || text.Contains("\n\n", StringComparison.Ordinal))
        {
            throw new ArgumentException("A note's text ends in a newline and has no blank line.", nameof(text));
        }
        var signature = key.SignData(Encoding.UTF8.GetBytes(text), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        return $"{text}\n{SignaturePrefix}{keyName} {Convert.ToBase64String([.. KeyId(key), .. signature])}\n";
    }

    /// <summary>
    /// The note's text if a signature line by this key (same name and key id) verifies; null if none does. As the
    /// spec asks, lines of other keys are ignored, and a line of this key that does not verify rejects the note.
    /// </summary>
    public static string? Open(string note, string keyName, ECDsa publicKey)
    {
        if (Text(note) is not { } text)
        {
            return null;
        }
        var keyId = KeyId(publicKey);
        foreach (var line in note[(text.Length + 1)..].Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!line.StartsWith(SignaturePrefix, StringComparison.Ordinal))
            {
                return null;
            }
            var parts = line[SignaturePrefix.Length..].Split(' ');
            if (parts.Length != 2 || parts[0] != keyName || Decode(parts[1]) is not { Length: > 4 } blob
                || BinaryPrimitives.ReadUInt32BigEndian(blob) != BinaryPrimitives.ReadUInt32BigEndian(keyId))
            {
                continue;
            }
            return publicKey.VerifyData(Encoding.UTF8.GetBytes(text), blob.AsSpan(4), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence)
                ? text
                : null;
        }
        return null;
    }

    /// <summary>The signed text: everything up to the last blank line, including the newline before it; null if there is none.</summary>
    public static string? Text(string note)
    {
        var split = note.LastIndexOf("\n\n", StringComparison.Ordinal);
        return split < 0 ? null : note[..(split + 1)];
    }

    /// <summary>The first signature line's bytes after the key id: the DER signature, for checking with openssl.</summary>
    public static byte[]? FirstSignature(string note)
    {
        if (Text(note) is not { } text)
        {
            return null;
        }
        var line = note[(text.Length + 1)..].Split('\n')[0];
        return Decode(line[(line.LastIndexOf(' ') + 1)..]) is { Length: > 4 } blob ? blob[4..] : null;
    }

    private static void CheckKeyName(string keyName)
    {
        if (keyName.Length == 0 || keyName.Any(c => char.IsWhiteSpace(c) || c == '+' || char.IsControl(c)))
        {
            throw new ArgumentException("A key name is non-empty, without spaces or '+'.", nameof(keyName));
        }
    }

    private static byte[]? Decode(string base64)
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
