using System.Security.Cryptography;

namespace MyGovernment.Domain.Integrity;

/// <summary>
/// The Merkle tree of RFC 9162 §2.1 (same as RFC 6962): leaf = SHA-256(0x00 ‖ bytes), node = SHA-256(0x01 ‖ left ‖ right),
/// and a tree of n leaves splits at the largest power of two smaller than n. Pure code so that auditors can run
/// the verifiers offline, with nothing but the proof, the signed checkpoint and the public key.
/// </summary>
public static class MerkleTree
{
    public const int HashSize = 32;

    public static byte[] EmptyRoot { get; } = SHA256.HashData([]);

    public static byte[] LeafHash(ReadOnlySpan<byte> leaf)
    {
        var buffer = new byte[leaf.Length + 1];
        leaf.CopyTo(buffer.AsSpan(1));
        return SHA256.HashData(buffer);
    }

    public static byte[] NodeHash(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        Span<byte> buffer = stackalloc byte[1 + 2 * HashSize];
        buffer[0] = 1;
        left.CopyTo(buffer[1..]);
        right.CopyTo(buffer[(1 + HashSize)..]);
        return SHA256.HashData(buffer);
    }

    /// <summary>MTH(D[0:size]) over leaf hashes already computed.</summary>
    public static byte[] Root(IReadOnlyList<byte[]> leafHashes, long size)
    {
        CheckSize(leafHashes, size);
        return size == 0 ? EmptyRoot : Subtree(leafHashes, 0, size);
    }

    /// <summary>PATH(m, D[0:size]) of §2.1.3.1: the audit path of leaf <paramref name="index"/>.</summary>
    public static IReadOnlyList<byte[]> InclusionProof(IReadOnlyList<byte[]> leafHashes, long index, long size)
    {
        CheckSize(leafHashes, size);
        if (index < 0 || index >= size)
        {
            throw new ArgumentOutOfRangeException(nameof(index), "The leaf is not in a tree of that size.");
        }
        var path = new List<byte[]>();
        Path((start, end) => Subtree(leafHashes, start, end), index, 0, size, path);
        return path;
    }

    /// <summary>PROOF(m, D[0:n]) of §2.1.4.1: that the tree of size <paramref name="first"/> is a prefix of the tree of size <paramref name="second"/>.</summary>
    public static IReadOnlyList<byte[]> ConsistencyProof(IReadOnlyList<byte[]> leafHashes, long first, long second)
    {
        CheckSize(leafHashes, second);
        if (first < 0 || first > second)
        {
            throw new ArgumentOutOfRangeException(nameof(first), "The first tree must not be larger than the second.");
        }
        var proof = new List<byte[]>();
        if (first > 0 && first < second)
        {
            SubProof((start, end) => Subtree(leafHashes, start, end), first, 0, second, true, proof);
        }
        return proof;
    }

    /// <summary>§2.1.3.2: does the audit path lead from this leaf hash to the root of a tree of that size?</summary>
    public static bool VerifyInclusion(long index, long size, ReadOnlySpan<byte> leafHash, IReadOnlyList<byte[]> path, ReadOnlySpan<byte> root)
    {
        if (index < 0 || index >= size || leafHash.Length != HashSize)
        {
            return false;
        }
        var fn = index;
        var sn = size - 1;
        var r = leafHash.ToArray();
        foreach (var p in path)
        {
            if (sn == 0 || p.Length != HashSize)
            {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn)
            {
                r = NodeHash(p, r);
                while ((fn & 1) == 0 && fn != 0)
                {
                    fn >>= 1;
                    sn >>= 1;
                }
            }
            else
            {
                r = NodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && r.AsSpan().SequenceEqual(root);
    }

    /// <summary>§2.1.4.2: is the tree (first, firstRoot) a prefix of the tree (second, secondRoot)?</summary>
    public static bool VerifyConsistency(long first, long second, ReadOnlySpan<byte> firstRoot, ReadOnlySpan<byte> secondRoot, IReadOnlyList<byte[]> proof)
    {
        if (first < 0 || first > second || proof.Any(p => p.Length != HashSize))
        {
            return false;
        }
        if (first == second)
        {
            return proof.Count == 0 && firstRoot.SequenceEqual(secondRoot);
        }
        if (first == 0)
        {
            // Every tree extends the empty tree; nothing to prove.
            return proof.Count == 0 && firstRoot.SequenceEqual(EmptyRoot);
        }
        if (proof.Count == 0)
        {
            return false;
        }
        var path = (first & (first - 1)) == 0 ? [firstRoot.ToArray(), .. proof] : proof.ToList();
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
                fr = NodeHash(c, fr);
                sr = NodeHash(c, sr);
                while ((fn & 1) == 0 && fn != 0)
                {
                    fn >>= 1;
                    sn >>= 1;
                }
            }
            else
            {
                sr = NodeHash(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && fr.AsSpan().SequenceEqual(firstRoot) && sr.AsSpan().SequenceEqual(secondRoot);
    }

    /// <summary>The largest power of two strictly smaller than n (n ≥ 2).</summary>
    public static long Split(long n)
    {
        var k = 1L;
        while (k << 1 < n)
        {
            k <<= 1;
        }
        return k;
    }

    private static byte[] Subtree(IReadOnlyList<byte[]> leaves, long start, long end)
    {
        if (end - start == 1)
        {
            return leaves[(int)start];
        }
        var k = Split(end - start);
        return NodeHash(Subtree(leaves, start, start + k), Subtree(leaves, start + k, end));
    }

    /// <summary>
    /// The recursion of §2.1.3.1 over any way of computing MTH(D[start:end]): from leaf hashes in memory, or from
    /// stored subtree hashes (<see cref="TiledMerkleTree"/>). The proof is the same whatever computes the subtrees.
    /// </summary>
    internal static void Path(Func<long, long, byte[]> subtree, long m, long start, long end, List<byte[]> path)
    {
        if (end - start <= 1)
        {
            return;
        }
        var k = Split(end - start);
        if (m < k)
        {
            Path(subtree, m, start, start + k, path);
            path.Add(subtree(start + k, end));
        }
        else
        {
            Path(subtree, m - k, start + k, end, path);
            path.Add(subtree(start, start + k));
        }
    }

    /// <summary>SUBPROOF of §2.1.4.1 over any way of computing MTH(D[start:end]).</summary>
    internal static void SubProof(Func<long, long, byte[]> subtree, long m, long start, long end, bool complete, List<byte[]> proof)
    {
        var n = end - start;
        if (m == n)
        {
            if (!complete)
            {
                proof.Add(subtree(start, end));
            }
            return;
        }
        var k = Split(n);
        if (m <= k)
        {
            SubProof(subtree, m, start, start + k, complete, proof);
            proof.Add(subtree(start + k, end));
        }
        else
        {
            SubProof(subtree, m - k, start + k, end, false, proof);
            proof.Add(subtree(start, start + k));
        }
    }

    private static void CheckSize(IReadOnlyList<byte[]> leafHashes, long size)
    {
        if (size < 0 || size > leafHashes.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(size), "The tree is larger than the leaves given.");
        }
    }
}
