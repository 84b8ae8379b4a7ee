using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace MyGovernment.Domain.Integrity;

/// <summary>
/// A tree head an auditor can keep outside the system: origin, tree size, root hash and time, in the C2SP
/// checkpoint body layout ("origin\nsize\nbase64 root\n" plus one extension line "time …"), signed as a C2SP
/// signed note. The signature line is "— origin base64(key id ‖ signature)", where the signature is ECDSA P-256
/// over SHA-256 of the body bytes in DER (RFC 3279) form, so `openssl dgst -sha256 -verify` checks it too.
/// </summary>
public sealed record SignedCheckpoint(string Origin, long TreeSize, byte[] RootHash, DateTimeOffset Time, string Note)
{
    private const string SignaturePrefix = "\u2014 ";

    /// <summary>Signature algorithm byte mixed into the key id; 0xFF marks our ECDSA P-256 choice (not a registered C2SP type).</summary>
    private const byte AlgorithmByte = 0xFF;

    public static string Body(string origin, long treeSize, ReadOnlySpan<byte> rootHash, DateTimeOffset time) =>
        $"{origin}\n{treeSize.ToString(CultureInfo.InvariantCulture)}\n{Convert.ToBase64String(rootHash)}\n" +
        $"time {time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture)}\n";

    public static SignedCheckpoint Sign(string origin, long treeSize, byte[] rootHash, DateTimeOffset time, ECDsa key)
    {
        var body = Body(origin, treeSize, rootHash, time);
        var signature = key.SignData(Encoding.UTF8.GetBytes(body), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        var blob = KeyId(origin, key).Concat(signature).ToArray();
        var note = $"{body}\n{SignaturePrefix}{origin} {Convert.ToBase64String(blob)}\n";
        return Parse(note) ?? throw new InvalidOperationException("A checkpoint we just wrote does not parse.");
    }

    /// <summary>First four bytes of SHA-256(origin ‖ '\n' ‖ 0xFF ‖ SubjectPublicKeyInfo), as C2SP key ids are formed.</summary>
    public static byte[] KeyId(string origin, ECDsa key)
    {
        var name = Encoding.UTF8.GetBytes(origin);
        var spki = key.ExportSubjectPublicKeyInfo();
        return SHA256.HashData([.. name, (byte)'\n', AlgorithmByte, .. spki])[..4];
    }

    /// <summary>Reads a note's body without checking any signature (use <see cref="Verify"/> for that).</summary>
    public static SignedCheckpoint? Parse(string note)
    {
        var split = note.IndexOf("\n\n", StringComparison.Ordinal);
        if (split < 0)
        {
            return null;
        }
        var lines = note[..(split + 1)].Split('\n');
        if (lines.Length < 5
            || !long.TryParse(lines[1], NumberStyles.None, CultureInfo.InvariantCulture, out var size)
            || !lines[3].StartsWith("time ", StringComparison.Ordinal)
            || !DateTimeOffset.TryParse(lines[3][5..], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
        {
            return null;
        }
        try
        {
            var root = Convert.FromBase64String(lines[2]);
            return root.Length == MerkleTree.HashSize ? new SignedCheckpoint(lines[0], size, root, time, note) : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>The checkpoint, if the note carries a valid signature by this public key under its origin; otherwise null.</summary>
    public static SignedCheckpoint? Verify(string note, ECDsa publicKey)
    {
        if (Parse(note) is not { } checkpoint)
        {
            return null;
        }
        var split = note.IndexOf("\n\n", StringComparison.Ordinal);
        var body = Encoding.UTF8.GetBytes(note[..(split + 1)]);
        var keyId = KeyId(checkpoint.Origin, publicKey);
        foreach (var line in note[(split + 2)..].Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = line.StartsWith(SignaturePrefix, StringComparison.Ordinal) ? line[SignaturePrefix.Length..].Split(' ') : [];
            if (parts.Length != 2 || parts[0] != checkpoint.Origin || SignatureBlob(parts[1]) is not { Length: > 4 } blob
                || !blob.AsSpan(0, 4).SequenceEqual(keyId))
            {
                continue;
            }
            if (publicKey.VerifyData(body, blob.AsSpan(4), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence))
            {
                return checkpoint;
            }
        }
        return null;
    }

    /// <summary>The DER signature alone, for checking with openssl.</summary>
    public byte[] Signature()
    {
        var split = Note.IndexOf("\n\n", StringComparison.Ordinal);
        var line = Note[(split + 2)..].Split('\n')[0];
        return SignatureBlob(line[(line.LastIndexOf(' ') + 1)..])![4..];
    }

    public string BodyText() => Note[..(Note.IndexOf("\n\n", StringComparison.Ordinal) + 1)];

    private static byte[]? SignatureBlob(string base64)
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
