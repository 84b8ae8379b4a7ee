using System.Security.Cryptography;
using CsCheck;
using MyGovernment.Domain.Integrity;
using Shouldly;

namespace MyGovernment.Domain.Tests.Integrity;

public sealed class MerkleTreeTests
{
    // The eight leaves and roots of the certificate-transparency reference tests (RFC 6962 implementations share them).
    private static readonly string[] VectorLeaves = ["", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f"];

    private static readonly string[] VectorRoots =
    [
        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
        "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
        "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
        "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
        "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
    ];

    private static readonly Gen<List<byte[]>> Logs = Gen.Byte.Array[0, 12].List[1, 70];

    [Fact]
    public void Roots_match_the_RFC_6962_reference_vectors_for_every_size()
    {
        var leaves = VectorLeaves.Select(h => MerkleTree.LeafHash(Convert.FromHexString(h))).ToList();
        var accumulator = new MerkleAccumulator();
        Convert.ToHexStringLower(MerkleTree.Root(leaves, 0)).ShouldBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        for (var n = 1; n <= 8; n++)
        {
            accumulator.AddLeafHash(leaves[n - 1]);
            Convert.ToHexStringLower(MerkleTree.Root(leaves, n)).ShouldBe(VectorRoots[n - 1], $"size {n}");
            Convert.ToHexStringLower(accumulator.Root()).ShouldBe(VectorRoots[n - 1], $"streamed size {n}");
        }
    }

    [Fact]
    public void Audit_paths_match_the_reference_vectors()
    {
        var leaves = VectorLeaves.Select(h => MerkleTree.LeafHash(Convert.FromHexString(h))).ToList();
        MerkleTree.InclusionProof(leaves, 0, 8).Select(Convert.ToHexStringLower).ShouldBe(
        [
            "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
        ]);
        MerkleTree.InclusionProof(leaves, 5, 8).Select(Convert.ToHexStringLower).ShouldBe(
        [
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
            "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        ]);
    }

    [Fact]
    public void The_root_equals_a_straightforward_recursive_reference_for_every_small_size() =>
        Logs.Sample(log =>
        {
            var leaves = log.Select(l => MerkleTree.LeafHash(l)).ToList();
            var accumulator = new MerkleAccumulator();
            for (var n = 1; n <= log.Count; n++)
            {
                accumulator.AddLeafHash(leaves[n - 1]);
                var reference = ReferenceRoot(log.Take(n).ToList());
                MerkleTree.Root(leaves, n).ShouldBe(reference);
                accumulator.Root().ShouldBe(reference);
            }
        }, iter: 60);

    [Fact]
    public void The_accumulator_names_every_aligned_perfect_subtree_once_and_a_clone_grows_on_its_own() =>
        Logs.Sample(log =>
        {
            var leaves = log.Select(l => MerkleTree.LeafHash(l)).ToList();
            var completed = new List<(long Size, long Index, byte[] Hash)>();
            var accumulator = new MerkleAccumulator { SubtreeCompleted = (size, index, hash) => completed.Add((size, index, hash)) };
            var split = log.Count / 2;
            leaves.Take(split).ToList().ForEach(accumulator.AddLeafHash);
            var clone = accumulator.Clone();
            leaves.Skip(split).ToList().ForEach(accumulator.AddLeafHash);
            clone.AddLeafHash(MerkleTree.LeafHash("another leaf"u8));

            // Verify's tile check relies on it: every block of 2^k leaves (k >= 1) that lies wholly in the log, with its root.
            var expected = Enumerable.Range(1, 7).Select(k => 1L << k)
                .SelectMany(size => Enumerable.Range(0, (int)(leaves.Count / size)).Select(i => (Size: size, Index: (long)i)));
            completed.Select(c => (c.Size, c.Index)).ShouldBe(expected, ignoreOrder: true);
            foreach (var (size, index, hash) in completed)
            {
                hash.ShouldBe(MerkleTree.Root(leaves.GetRange((int)(index * size), (int)size), size));
            }
            accumulator.Root().ShouldBe(MerkleTree.Root(leaves, leaves.Count));
            clone.Root().ShouldBe(MerkleTree.Root([.. leaves.Take(split), MerkleTree.LeafHash("another leaf"u8)], split + 1));
        }, iter: 60);

    [Fact]
    public void Inclusion_proofs_verify_for_every_leaf_of_an_honest_log() =>
        Logs.Sample(log =>
        {
            var leaves = log.Select(l => MerkleTree.LeafHash(l)).ToList();
            for (var size = 1; size <= leaves.Count; size++)
            {
                var root = MerkleTree.Root(leaves, size);
                for (var i = 0; i < size; i++)
                {
                    MerkleTree.VerifyInclusion(i, size, leaves[i], MerkleTree.InclusionProof(leaves, i, size), root).ShouldBeTrue();
                }
            }
        }, iter: 20);

    [Fact]
    public void Inclusion_proofs_fail_for_an_altered_leaf_root_path_or_index() =>
        Gen.Select(Logs, Gen.Int[0, 1000], Gen.Int[0, 1000]).Sample((log, a, b) =>
        {
            var leaves = log.Select(l => MerkleTree.LeafHash(l)).ToList();
            var size = 1 + a % leaves.Count;
            var index = b % size;
            var root = MerkleTree.Root(leaves, size);
            var path = MerkleTree.InclusionProof(leaves, index, size);

            MerkleTree.VerifyInclusion(index, size, Flip(leaves[index]), path, root).ShouldBeFalse();
            MerkleTree.VerifyInclusion(index, size, leaves[index], path, Flip(root)).ShouldBeFalse();
            for (var p = 0; p < path.Count; p++)
            {
                MerkleTree.VerifyInclusion(index, size, leaves[index], [.. path.Select((h, j) => j == p ? Flip(h) : h)], root).ShouldBeFalse();
            }
            if (size > 1)
            {
                var other = (index + 1) % size;
                if (!leaves[other].SequenceEqual(leaves[index]))
                {
                    MerkleTree.VerifyInclusion(other, size, leaves[index], path, root).ShouldBeFalse();
                }
            }
        }, iter: 200);

    [Fact]
    public void Consistency_proofs_verify_between_every_pair_of_sizes_of_an_honest_log() =>
        Logs.Sample(log =>
        {
            var leaves = log.Select(l => MerkleTree.LeafHash(l)).ToList();
            for (var m = 0; m <= leaves.Count; m++)
            {
                for (var n = m; n <= leaves.Count; n++)
                {
                    MerkleTree.VerifyConsistency(m, n, MerkleTree.Root(leaves, m), MerkleTree.Root(leaves, n), MerkleTree.ConsistencyProof(leaves, m, n))
                        .ShouldBeTrue($"{m} -> {n}");
                }
            }
        }, iter: 10);

    [Fact]
    public void Consistency_fails_when_history_was_rewritten_or_a_root_altered() =>
        Gen.Select(Logs, Gen.Int[0, 1000], Gen.Int[0, 1000], Gen.Int[0, 1000]).Sample((log, a, b, c) =>
        {
            var leaves = log.Select(l => MerkleTree.LeafHash(l)).ToList();
            var second = 1 + a % leaves.Count;
            var first = 1 + b % second;
            var proof = MerkleTree.ConsistencyProof(leaves, first, second);
            var firstRoot = MerkleTree.Root(leaves, first);
            var secondRoot = MerkleTree.Root(leaves, second);

            MerkleTree.VerifyConsistency(first, second, Flip(firstRoot), secondRoot, proof).ShouldBeFalse();
            MerkleTree.VerifyConsistency(first, second, firstRoot, Flip(secondRoot), proof).ShouldBeFalse();

            // A leaf inside the first tree changed afterwards: the new log does not extend the signed old one.
            var rewritten = leaves.ToList();
            var changed = c % first;
            rewritten[changed] = Flip(rewritten[changed]);
            MerkleTree.VerifyConsistency(first, second, firstRoot, MerkleTree.Root(rewritten, second), MerkleTree.ConsistencyProof(rewritten, first, second))
                .ShouldBeFalse();
        }, iter: 200);

    private static byte[] Flip(byte[] hash)
    {
        var copy = hash.ToArray();
        copy[0] ^= 0x01;
        return copy;
    }

    /// <summary>RFC 9162 §2.1.1 read literally, on the raw leaf data, sharing no code with the implementation.</summary>
    private static byte[] ReferenceRoot(List<byte[]> data)
    {
        if (data.Count == 1)
        {
            return SHA256.HashData([0x00, .. data[0]]);
        }
        var k = 1;
        while (k * 2 < data.Count)
        {
            k *= 2;
        }
        return SHA256.HashData([0x01, .. ReferenceRoot(data[..k]), .. ReferenceRoot(data[k..])]);
    }
}
