using System.Text;
using MyGovernment.Integrity;
using Shouldly;

namespace MyGovernment.IntegrationTests.Integrity;

/// <summary>
/// The canonical hash is part of every stored event tag: the same value must hash alike however it was printed, and
/// the bytes hashed must never change (tags written by older code are checked by newer code). No database needed.
/// </summary>
public sealed class CanonicalJsonTests
{
    [Theory]
    [InlineData("""{"b":1,"a":"x"}""", """{ "a" : "x", "b" : 1 }""")]
    [InlineData("""{"amount":10.50}""", """{"amount":1.05E1}""")]
    [InlineData("""{"amount":10.5}""", """{"amount":10.500000}""")]
    [InlineData("""{"n":0.00001}""", """{"n":1E-05}""")]
    [InlineData("""{"s":"é\/"}""", """{"s":"\u00e9/"}""")]
    [InlineData("""{"a":1,"a":2}""", """{"a":2}""")]
    [InlineData("""[{"z":[3,{"y":1,"x":2}],"a":null}]""", """[{"a":null,"z":[3.0,{"x":2,"y":1}]}]""")]
    [InlineData("""{"big":1e400}""", """{ "big" : 1e400 }""")]
    public void The_same_value_printed_differently_hashes_alike(string one, string other) =>
        Convert.ToHexString(CanonicalJson.Hash(one)).ShouldBe(Convert.ToHexString(CanonicalJson.Hash(other)));

    [Theory]
    [InlineData("""{"a":1}""", """{"a":2}""")]
    [InlineData("""{"a":"1"}""", """{"a":1}""")]
    [InlineData("""{"a":[1,2]}""", """{"a":[2,1]}""")]
    [InlineData("""{"a":null}""", """{}""")]
    [InlineData("""{"a":true}""", """{"a":false}""")]
    public void Different_values_hash_differently(string one, string other) =>
        Convert.ToHexString(CanonicalJson.Hash(one)).ShouldNotBe(Convert.ToHexString(CanonicalJson.Hash(other)));

    /// <summary>
    /// Pinned from the implementation that wrote the first tags (the last three cases from the same code, on 6 December):
    /// a change here breaks every stored tag.
    /// </summary>
    [Theory]
    [InlineData("""{"requestId":"0193a7e2-4b1c-7d00-8000-000000000001","total":{"amount":650.00,"currency":"ILS"},"lines":[{"code":"B","amount":1.5E2},{"code":"A","amount":500}],"at":"2026-12-04T10:00:00+00:00","note":"مرحبا \"x\"","paid":false,"x":null}""", "04C6573056DDAC29F2C187987C8294EBC359289B7D43F8AA05A4486EA7EDDDB8")]
    [InlineData("""[]""", "4F53CDA18C2BAA0C0354BB5F9A3ECBE5ED12AB4D8E11BA873C2F11161202B945")]
    [InlineData("""{"a":{"b":{"c":[1,-2.50,3e-3,"\u0000"]}}}""", "B0061DA24021BAF007E579CB732F7BB710614A7A906E2210348959E83ED2709E")]
    // Names sorted by UTF-16 code unit, which is not UTF-8 byte order: a character above U+FFFF (a surrogate pair,
    // D83D…) sorts before U+E000 here, after it in bytes. Written as C# escapes so the JSON holds the characters.
    [InlineData("{\"\uE000\":1,\"\U0001F600\":2,\"a\":3,\"Z\":4,\"\u00e9\":5}", "CC1EE644A19AD32A2F8648102875B6C9768F6074A049B45352548696F0D699AA")]
    // Names escaped in the JSON sort and print by their unescaped value, and the last of equal names is kept.
    [InlineData("""{"\u0062":1,"a":2,"\u00e9x":3,"a":{"y":1,"\u0079":[{"k\"q":1,"k":2}]}}""", "71EDF089A13DEAB376C1D14C89E85FFD1C295060AFBEA6AE227B71D284EBFA62")]
    [InlineData("""{"الاسم":"x","العنوان":{"مدينة":"رام الله","حي":null},"a":[{"ب":1,"أ":2}]}""", "AB8CB3F11BB8FB12072CB8DA005C568A559872CDDFD51BC6B88C28F3250AABC7")]
    public void The_hashed_bytes_do_not_change(string json, string expected)
    {
        Convert.ToHexString(CanonicalJson.Hash(json)).ShouldBe(expected);
        // The tags hash the serializer's UTF-8 output; the sealer and the verifier hash PostgreSQL's text.
        Convert.ToHexString(CanonicalJson.Hash(Encoding.UTF8.GetBytes(json))).ShouldBe(expected);
    }
}
