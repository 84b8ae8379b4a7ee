using System.Security.Cryptography;
using System.Text;
using MyGovernment.Domain.Integrity;
using MyGovernment.Integrity;
using Shouldly;

namespace MyGovernment.IntegrationTests.Integrity;

/// <summary>
/// Every stored event carries its tag, so the bytes under the HMAC must never change. The expected tags were computed
/// outside .NET (Python's hmac) from the documented layout: domain, id (big-endian), then stream, type and tenant as
/// length-prefixed UTF-8, then the data's canonical hash. No database needed.
/// </summary>
public sealed class EventTagTests
{
    private static readonly byte[] Key = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();
    private static readonly byte[] DataHash = SHA256.HashData(Encoding.UTF8.GetBytes("""{"a":1}"""));

    [Theory]
    [InlineData("0193a7e2-4b1c-7d00-8000-000000000001", "0193a7e2-4b1c-7d00-8000-0000000000aa", "service_request_submitted", "*DEFAULT*", "A521797C2ED35B88D64219895C2792E4BF312F5AABED286D9FD37EDF0DD04478")]
    [InlineData("0193a7e2-4b1c-7d00-8000-000000000002", "طلب-٣", "x", "", "1DA3F8981F69CF872660DEE2B18E732ED58C5097CD7E198C215A402D23686F09")]
    public void The_tagged_bytes_do_not_change(string id, string stream, string type, string tenant, string expected) =>
        Convert.ToHexString(EventTag.Compute(Key, Guid.Parse(id), stream, type, tenant, DataHash)).ShouldBe(expected);

    [Fact]
    public void A_long_stream_id_is_tagged_whole()
    {
        var longStream = new string('s', 2000);
        var tag = EventTag.Compute(Key, Guid.Empty, longStream, "t", "", DataHash);
        tag.ShouldNotBe(EventTag.Compute(Key, Guid.Empty, longStream + "s", "t", "", DataHash));
        EventTag.Matches(Key, Guid.Empty, longStream, "t", "", """{"a":1}""", tag).ShouldBeTrue();
    }

    private static readonly string GoodTag = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

    /// <summary>The sealer reads headers as UTF-8 bytes, verify as text: both must find the same tag, or none.</summary>
    [Theory]
    [InlineData(null, false)]
    [InlineData("{}", false)]
    [InlineData("""{"integrityTag": "GOOD"}""", true)]
    [InlineData("""{"a": {"integrityTag": "GOOD"}}""", false)]
    [InlineData("""{"integrityTag": "GOOD", "x": "طلب"}""", true)]
    [InlineData("""{"integrityTag": 7}""", false)]
    [InlineData("""{"integrityTag": "c2hvcnQ="}""", false)]
    [InlineData("""{"integrityTag": "not base64!"}""", false)]
    [InlineData("""["integrityTag"]""", false)]
    [InlineData("""{"integrityTag": "GOOD" """, false)]
    [InlineData("\"integrityTag\"", false)]
    public void Headers_read_as_bytes_give_the_tag_text_gives(string? headers, bool found)
    {
        headers = headers?.Replace("GOOD", GoodTag, StringComparison.Ordinal);
        var fromBytes = EventTag.FromHeaders(headers is null ? (ReadOnlyMemory<byte>?)null : Encoding.UTF8.GetBytes(headers));

        fromBytes.ShouldBe(EventTag.FromHeaders(headers));
        (fromBytes is not null).ShouldBe(found);
    }

    /// <summary>A row read as bytes is taken for Marten's tombstone exactly when the same row read as text is.</summary>
    [Theory]
    [InlineData("tombstone", 5, "{}", true)]
    [InlineData("tombstone", 5, " { } ", true)]
    [InlineData("tombstone", 5, "{ \"a\": 1}", false)]
    [InlineData("tombstone", 5, "{}{}", false)]
    [InlineData("tombstone", 5, "}{", false)]
    [InlineData("tombstone", 5, "", false)]
    [InlineData("tombstone", 4, "{}", false)]
    [InlineData("tombstonE", 5, "{}", false)]
    public void A_tombstone_read_as_bytes_is_one_read_as_text(string type, long version, string data, bool expected)
    {
        var leaf = new EventLeaf(5, Guid.NewGuid(), "s", version, type, DateTimeOffset.UnixEpoch, "*DEFAULT*", null, null, null, data);
        var row = new Utf8EventRow(leaf with { Data = "" }, null, Encoding.UTF8.GetBytes(data));

        EventTag.IsMartenTombstone(leaf).ShouldBe(expected);
        EventTag.IsMartenTombstone(row).ShouldBe(expected);
        EventTag.Matches(Key, row, tag: null).ShouldBe(expected, "a tombstone passes without a tag, anything else does not");
    }

    [Fact]
    public void A_row_read_as_bytes_matches_the_tag_of_its_canonical_data()
    {
        var id = Guid.NewGuid();
        var tag = EventTag.Compute(Key, id, "طلب-٣", "t", "*DEFAULT*", CanonicalJson.Hash("""{"b":"ب","a":[1, 2]}"""));
        var leaf = new EventLeaf(9, id, "طلب-٣", 1, "t", DateTimeOffset.UnixEpoch, "*DEFAULT*", null, null, null, """{"a": [1, 2], "b": "ب"}""");
        var row = new Utf8EventRow(leaf with { Data = "" }, null, Encoding.UTF8.GetBytes(leaf.Data));

        EventTag.Matches(Key, leaf, tag).ShouldBeTrue();
        EventTag.Matches(Key, row, tag).ShouldBeTrue();
        EventTag.Matches(Key, row with { Data = Encoding.UTF8.GetBytes("""{"a": [1, 2], "b": "c"}""") }, tag).ShouldBeFalse();
        EventTag.Matches(Key, row with { Data = "{"u8.ToArray() }, tag).ShouldBeFalse("data that is not JSON matches no tag");
        EventTag.Matches(Key, row with { Head = leaf with { Type = "u" } }, tag).ShouldBeFalse();
    }
}
