using System.Globalization;
using System.Security.Cryptography;

namespace MyGovernment.Domain.Integrity;

/// <summary>
/// A tree head an auditor can keep outside the system: a C2SP checkpoint (c2sp.org/tlog-checkpoint: origin, tree
/// size, base64 root hash) with one extension line "time …", signed as a C2SP signed note of signature type 0x02
/// (ECDSA P-256, see <see cref="SignedNote"/>) under the key name = origin.
/// </summary>
public sealed record SignedCheckpoint(string Origin, long TreeSize, byte[] RootHash, DateTimeOffset Time, string Note)
{
    public static string Body(string origin, long treeSize, ReadOnlySpan<byte> rootHash, DateTimeOffset time) =>
        $"{origin}\n{treeSize.ToString(CultureInfo.InvariantCulture)}\n{Convert.ToBase64String(rootHash)}\n" +
        $"time {time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture)}\n";

    public static SignedCheckpoint Sign(string origin, long treeSize, byte[] rootHash, DateTimeOffset time, ECDsa key)
    {
        var note = SignedNote.Sign(Body(origin, treeSize, rootHash, time), origin, key);
        return Parse(note) ?? throw new InvalidOperationException("A checkpoint we just wrote does not parse.");
    }

    /// <summary>Reads a note's body without checking any signature (use <see cref="Verify"/> for that).</summary>
    public static SignedCheckpoint? Parse(string note)
    {
        if (SignedNote.Text(note) is not { } text)
        {
            return null;
        }
        var lines = text.Split('\n');
        // origin, size, root, "time …", and the empty string after the final newline.
        if (lines.Length != 5
            || lines[0].Length == 0
            || !long.TryParse(lines[1], NumberStyles.None, CultureInfo.InvariantCulture, out var size)
            || size.ToString(CultureInfo.InvariantCulture) != lines[1] // no leading zeroes (tlog-checkpoint)
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
    public static SignedCheckpoint? Verify(string note, ECDsa publicKey) =>
        Parse(note) is { } checkpoint && SignedNote.Open(note, checkpoint.Origin, publicKey) is not null ? checkpoint : null;

    /// <summary>The DER signature alone, for checking with openssl.</summary>
    public byte[] Signature() => SignedNote.FirstSignature(Note) ?? [];

    public string BodyText() => SignedNote.Text(Note)!;
}
