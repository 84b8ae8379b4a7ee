using System.Security.Cryptography;
using System.Text;
using CsCheck;
using MyGovernment.Domain.Common;
using Shouldly;

namespace MyGovernment.Domain.Tests.Common;

/// <summary>
/// Stored streams and documents are found by these ids, so they must never change. Expected values computed outside
/// .NET (Python's hashlib and uuid) from the layout: SHA-1 of "my-government/{kind}:{key}" in UTF-8, the first 16
/// bytes, version 5 and the RFC 9562 variant set.
/// </summary>
public sealed class NameBasedIdTests
{
    [Theory]
    [InlineData("service", "CIVIL-BIRTH-CERT", "03acc1dd-8e00-5e8e-b981-40951a62289d")]
    [InlineData("notification-delivery", "0193a7e2000070008000000000000001:Sms", "6f7bf392-11a7-59c5-94fd-8fbca23bc581")]
    [InlineData("citizen", "٤٠١٢٣٤٥٦٧", "6b031f36-8385-5759-b21b-e1007a793907")]
    public void A_key_names_the_same_id_it_always_named(string kind, string key, string expected) =>
        NameBasedId.For(kind, key).ShouldBe(Guid.Parse(expected));

    /// <summary>Any text, lone surrogates and long keys included, names what the layout above names.</summary>
    [Fact]
    public void Every_key_is_named_by_the_layout() =>
        Gen.Select(Gen.String, Gen.Char.Array[0, 400].Select(c => new string(c))).Sample((kind, key) => NameBasedId.For(kind, key).ShouldBe(Reference(kind, key)));

    private static Guid Reference(string kind, string key)
    {
#pragma warning disable CA5350
        var bytes = SHA1.HashData(Encoding.UTF8.GetBytes($"my-government/{kind}:{key}"))[..16];
#pragma warning restore CA5350
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }

    [Fact]
    public void A_long_key_is_named_whole() =>
        NameBasedId.For("department", new string('x', 300)).ShouldBe(Guid.Parse("c2d89431-8df2-56c7-9fca-c7ffdae21fbe"));
}
