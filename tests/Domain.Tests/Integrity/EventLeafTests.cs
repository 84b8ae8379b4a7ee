using CsCheck;
using MyGovernment.Domain.Integrity;
using Shouldly;

namespace MyGovernment.Domain.Tests.Integrity;

public sealed class EventLeafTests
{
    private static readonly Gen<string?> Text = Gen.OneOf(Gen.Const((string?)null), Gen.String.Select(s => (string?)s), Gen.Char.Array[0, 3000].Select(c => (string?)new string(c)));

    private static readonly Gen<EventLeaf> Leaves =
        Gen.Select(Gen.Long, Gen.Guid, Gen.String, Gen.Long, Gen.String, Gen.DateTime.Select(d => new DateTimeOffset(DateTime.SpecifyKind(d, DateTimeKind.Utc))), Gen.String)
            .SelectMany(a => Gen.Select(Text, Text, Text, Gen.String[0, 5000]).Select(b =>
                new EventLeaf(a.Item1, a.Item2, a.Item3, a.Item4, a.Item5, a.Item6, a.Item7, b.Item1, b.Item2, b.Item3, b.Item4)));

    [Fact]
    public void The_streamed_leaf_hash_is_the_hash_of_the_specified_leaf_bytes() =>
        Leaves.Sample(leaf => leaf.LeafHash().ShouldBe(MerkleTree.LeafHash(leaf.Bytes())));

    [Fact]
    public void Headers_and_data_given_as_utf8_hash_like_the_leaf_holding_their_text() =>
        Leaves.Sample(leaf =>
        {
            var headers = leaf.Headers is null ? (ReadOnlyMemory<byte>?)null : System.Text.Encoding.UTF8.GetBytes(leaf.Headers);
            var head = leaf with { Headers = "ignored", Data = "ignored" };
            EventLeaf.LeafHash(head, headers, System.Text.Encoding.UTF8.GetBytes(leaf.Data)).ShouldBe(MerkleTree.LeafHash(leaf.Bytes()));
        });

    [Fact]
    public void Empty_headers_given_as_utf8_are_present_not_null()
    {
        var leaf = new EventLeaf(1, Guid.Empty, "s", 1, "t", DateTimeOffset.UnixEpoch, "*DEFAULT*", null, null, "", "{}");
        EventLeaf.LeafHash(leaf, ReadOnlyMemory<byte>.Empty, "{}"u8).ShouldBe(leaf.LeafHash());
        EventLeaf.LeafHash(leaf, null, "{}"u8).ShouldBe((leaf with { Headers = null }).LeafHash());
        EventLeaf.LeafHash(leaf, null, "{}"u8).ShouldNotBe(leaf.LeafHash());
    }

    [Fact]
    public void Non_ascii_text_and_extreme_numbers_hash_like_their_specified_bytes()
    {
        var leaf = new EventLeaf(long.MinValue, Guid.Empty, "تيار", long.MaxValue, "طلب", DateTimeOffset.MaxValue, "*DEFAULT*", null, "", "{\"a\": \"😀\"}", "{\"ar\": \"تسجيل باحث عن عمل\"}");
        leaf.LeafHash().ShouldBe(MerkleTree.LeafHash(leaf.Bytes()));
    }

    [Fact]
    public void Leaf_bytes_decode_to_the_event_they_encode() =>
        Leaves.Sample(leaf =>
        {
            var bytes = leaf.Bytes();
            var decoded = EventLeaf.Decode(bytes).ShouldNotBeNull();
            decoded.Bytes().ShouldBe(bytes);
            decoded.Sequence.ShouldBe(leaf.Sequence);
            decoded.Id.ShouldBe(leaf.Id);
        });

    [Fact]
    public void Anything_else_does_not_decode_and_does_not_throw() =>
        Gen.Byte.Array[0, 200].Sample(bytes =>
        {
            EventLeaf.Decode(bytes).ShouldBeNull();
            var leaf = new EventLeaf(1, Guid.NewGuid(), "s", 1, "t", DateTimeOffset.UnixEpoch, "*DEFAULT*", null, null, null, "{}").Bytes();
            EventLeaf.Decode([.. leaf, .. bytes.Take(1)]).ShouldBe(bytes.Length == 0 ? EventLeaf.Decode(leaf) : null);
            EventLeaf.Decode(leaf.AsSpan(..^(1 + bytes.Length % 10))).ShouldBeNull();
        });
}
