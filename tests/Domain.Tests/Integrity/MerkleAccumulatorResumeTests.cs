using MyGovernment.Domain.Integrity;
using Shouldly;

namespace MyGovernment.Domain.Tests.Integrity;

/// <summary>
/// The sealer signs a new root by resuming from the last signed prefix's frontier and folding only the leaves after
/// it: that must give exactly the root of the whole log, for every pair of sizes.
/// </summary>
public sealed class MerkleAccumulatorResumeTests
{
    [Fact]
    public void Resuming_from_a_prefix_frontier_and_folding_the_rest_gives_the_whole_logs_root()
    {
        var leaves = Enumerable.Range(0, 300).Select(i => MerkleTree.LeafHash(BitConverter.GetBytes(i))).ToList();
        foreach (var prefix in new[] { 1, 2, 3, 7, 8, 100, 255, 256, 257, 299 })
        {
            var frontier = MerkleAccumulator.FrontierBlocks(prefix).Select(b => MerkleTree.Root(leaves[(int)b.Start..(int)b.End], b.End - b.Start)).ToList();
            var resumed = MerkleAccumulator.Resume(prefix, frontier);
            resumed.Root().ShouldBe(MerkleTree.Root(leaves, prefix), $"prefix {prefix}");
            foreach (var leaf in leaves[prefix..])
            {
                resumed.AddLeafHash(leaf);
            }
            resumed.Size.ShouldBe(leaves.Count);
            resumed.Root().ShouldBe(MerkleTree.Root(leaves, leaves.Count), $"from prefix {prefix}");
        }
    }

    [Fact]
    public void The_frontier_is_one_perfect_subtree_per_binary_digit_of_the_size_largest_first()
    {
        MerkleAccumulator.FrontierBlocks(0).ShouldBeEmpty();
        MerkleAccumulator.FrontierBlocks(13).ShouldBe([(0L, 8L), (8L, 12L), (12L, 13L)]);
        MerkleAccumulator.FrontierBlocks(256).ShouldBe([(0L, 256L)]);
        Should.Throw<ArgumentException>(() => MerkleAccumulator.Resume(13, [MerkleTree.EmptyRoot]));
    }
}
