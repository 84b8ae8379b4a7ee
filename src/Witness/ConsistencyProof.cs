using System.Security.Cryptography;

namespace MyGovernment.Witness;

/// <summary>
/// RFC 9162 §2.1.4.2 (RFC 6962 §2.1.2) verification of a consistency proof between two tree sizes, written from the
/// RFC for the witness alone: a bug shared with the log's own Merkle code would let both agree on a wrong answer.
/// </summary>
public static class ConsistencyProof
{
    public static bool Verify(long first, long second, byte[] firstRoot, byte[] secondRoot, IReadOnlyList<byte[]> proof)
    {
        if (first < 1 || first >= second || proof.Count == 0)
        {
            return false;
        }
        var path = (first & (first - 1)) == 0 ? [firstRoot, .. proof] : proof.ToList();
        var fn = first - 1;
        var sn = second - 1;
        while ((fn & 1) == 1)
        {
            fn >>= 1;
            sn >>= 1;
        }
        var fr = path[0];
        var sr = path[0];
        foreach (var c in path.Skip(1))
        {
            if (sn == 0)
            {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn)
            {
                fr = Node(c, fr);
                sr = Node(c, sr);
                while ((fn & 1) == 0 && fn != 0)
                {
                    fn >>= 1;
                    sn >>= 1;
                }
            }
            else
            {
                sr = Node(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && fr.AsSpan().SequenceEqual(firstRoot) && sr.AsSpan().SequenceEqual(secondRoot);
    }

    private static byte[] Node(byte[] left, byte[] right) => SHA256.HashData([0x01, .. left, .. right]);
}
