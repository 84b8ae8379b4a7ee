using System.Security.Cryptography;
using CsCheck;
using MyGovernment.Domain.Integrity;
using Shouldly;

namespace MyGovernment.Domain.Tests.Integrity;

/// <summary>Roots and proofs computed from stored tiles are byte for byte those of the plain RFC 9162 computation.</summary>
public sealed class TiledMerkleTreeTests
{
    /// <summary>Leaf hashes, and every tile a sealer would store for them, at a given tile height.</summary>
    private sealed class Store : IMerkleNodes
    {
        private readonly Dictionary<(int, long), byte[]> _tiles = [];

        public Store(IReadOnlyList<byte[]> leaves, int height, Func<int, long, bool>? keep = null)
        {
            Leaves = leaves;
            IReadOnlyList<byte[]> below = leaves;
            for (var level = 1; MerkleTiles.CompleteNodes(leaves.Count, level, height) > 0; level++)
            {
                var nodes = new List<byte[]>();
                for (var i = 0; i < MerkleTiles.CompleteNodes(leaves.Count, level, height); i++)
                {
                    nodes.Add(MerkleTiles.PerfectRoot(below.Skip(i << height).Take(1 << height).ToList()));
                    if (keep?.Invoke(level, i) ?? true)
                    {
                        _tiles[(level, i)] = nodes[^1];
                    }
                }
                below = nodes;
            }
        }

        public IReadOnlyList<byte[]> Leaves { get; }

        public int Reads { get; private set; }

        public byte[]? Node(int level, long index)
        {
            Reads++;
            return level == 0 ? Leaves[(int)index] : _tiles.GetValueOrDefault((level, index));
        }
    }

    private static List<byte[]> LeafHashes(int count) =>
        Enumerable.Range(0, count).Select(i => MerkleTree.LeafHash(BitConverter.GetBytes(i))).ToList();

    private static readonly Gen<(int Size, int Height, int A, int B, int Seed)> Cases =
        Gen.Select(Gen.Int[1, 700], Gen.Int[0, 3].Select(i => new[] { 1, 2, 3, 8 }[i]), Gen.Int[0, 10_000], Gen.Int[0, 10_000], Gen.Int);

    [Fact]
    public void Tiled_roots_equal_plain_roots_for_random_sizes_and_heights() =>
        Cases.Sample(c =>
        {
            var leaves = LeafHashes(c.Size);
            var tree = new TiledMerkleTree(new Store(leaves, c.Height), c.Height);
            var size = c.A % (c.Size + 1);
            tree.Root(size).ShouldBe(MerkleTree.Root(leaves, size));
        }, iter: 200);

    [Fact]
    public void Tiled_inclusion_proofs_equal_plain_ones_for_random_sizes_and_indices() =>
        Cases.Sample(c =>
        {
            var leaves = LeafHashes(c.Size);
            var tree = new TiledMerkleTree(new Store(leaves, c.Height), c.Height);
            var size = 1 + c.A % c.Size;
            var index = c.B % size;
            tree.InclusionProof(index, size).ShouldBe(MerkleTree.InclusionProof(leaves, index, size));
        }, iter: 200);

    [Fact]
    public void Tiled_consistency_proofs_equal_plain_ones_for_random_sizes() =>
        Cases.Sample(c =>
        {
            var leaves = LeafHashes(c.Size);
            var tree = new TiledMerkleTree(new Store(leaves, c.Height), c.Height);
            var second = c.A % (c.Size + 1);
            var first = c.B % (second + 1);
            tree.ConsistencyProof(first, second).ShouldBe(MerkleTree.ConsistencyProof(leaves, first, second));
        }, iter: 200);

    [Fact]
    public void Missing_tiles_are_computed_from_the_level_below_with_the_same_result() =>
        Cases.Sample(c =>
        {
            var leaves = LeafHashes(c.Size);
            var random = new Random(c.Seed);
            var tree = new TiledMerkleTree(new Store(leaves, c.Height, (_, _) => random.Next(3) != 0), c.Height);
            var size = 1 + c.A % c.Size;
            var index = c.B % size;
            tree.Root(size).ShouldBe(MerkleTree.Root(leaves, size));
            tree.InclusionProof(index, size).ShouldBe(MerkleTree.InclusionProof(leaves, index, size));
            tree.ConsistencyProof(index, size).ShouldBe(MerkleTree.ConsistencyProof(leaves, index, size));
        }, iter: 200);

    [Fact]
    public void A_proof_in_a_large_log_reads_a_few_partial_tiles_not_the_log()
    {
        const int size = 300_001;
        var leaves = LeafHashes(size);
        var store = new Store(leaves, MerkleTiles.DefaultHeight);
        var tree = new TiledMerkleTree(store);

        foreach (var index in new long[] { 0, 12_345, 299_999, 300_000 })
        {
            var before = store.Reads;
            tree.InclusionProof(index, size).ShouldBe(MerkleTree.InclusionProof(leaves, index, size));
            // Three tile levels (256, 65,536 leaves) plus leaves: at most 255 hashes each, plus the right edge's partial tiles.
            (store.Reads - before).ShouldBeLessThan(4 * 2 * 256, $"leaf {index}");
        }
        var reads = store.Reads;
        tree.ConsistencyProof(123_456, size).ShouldBe(MerkleTree.ConsistencyProof(leaves, 123_456, size));
        (store.Reads - reads).ShouldBeLessThan(4 * 3 * 256);
    }

    [Fact]
    public void A_perfect_root_is_the_plain_root_of_a_power_of_two_and_refuses_other_counts()
    {
        var leaves = LeafHashes(64);
        MerkleTiles.PerfectRoot(leaves).ShouldBe(MerkleTree.Root(leaves, 64));
        Should.Throw<ArgumentException>(() => MerkleTiles.PerfectRoot(leaves.Take(3).ToList()));
        SHA256.HashData([]).ShouldBe(new TiledMerkleTree(new Store([], 8)).Root(0));
    }
}
