using System.Security.Cryptography;
using System.Text;
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
}
