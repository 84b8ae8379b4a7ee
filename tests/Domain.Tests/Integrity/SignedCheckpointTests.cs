using System.Security.Cryptography;
using System.Text;
using MyGovernment.Domain.Integrity;
using Shouldly;

namespace MyGovernment.Domain.Tests.Integrity;

public sealed class SignedCheckpointTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 1, 8, 30, 0, TimeSpan.Zero);

    [Fact]
    public void A_checkpoint_verifies_with_the_public_half_of_its_key()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var root = SHA256.HashData("root"u8);
        var signed = SignedCheckpoint.Sign("my-government/events", 42, root, At, key);

        using var publicOnly = ECDsa.Create();
        publicOnly.ImportFromPem(key.ExportSubjectPublicKeyInfoPem());
        var verified = SignedCheckpoint.Verify(signed.Note, publicOnly).ShouldNotBeNull();

        verified.TreeSize.ShouldBe(42);
        verified.RootHash.ShouldBe(root);
        verified.Time.ShouldBe(At);
        signed.Note.ShouldStartWith($"my-government/events\n42\n{Convert.ToBase64String(root)}\ntime 2026-03-01T08:30:00.000000Z\n\n\u2014 my-government/events ");
        publicOnly.VerifyData(Encoding.UTF8.GetBytes(signed.BodyText()), signed.Signature(), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence)
            .ShouldBeTrue("the DER signature alone checks the body, as openssl would");
    }

    [Fact]
    public void A_checkpoint_signed_with_another_key_is_rejected()
    {
        using var ours = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var forger = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var forged = SignedCheckpoint.Sign("my-government/events", 7, SHA256.HashData("x"u8), At, forger);

        SignedCheckpoint.Verify(forged.Note, ours).ShouldBeNull();
    }

    [Fact]
    public void Editing_the_size_or_root_of_a_signed_checkpoint_breaks_its_signature()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var signed = SignedCheckpoint.Sign("my-government/events", 42, SHA256.HashData("root"u8), At, key);

        SignedCheckpoint.Verify(signed.Note.Replace("\n42\n", "\n43\n", StringComparison.Ordinal), key).ShouldBeNull();
        var otherRoot = Convert.ToBase64String(SHA256.HashData("other"u8));
        SignedCheckpoint.Verify(signed.Note.Replace(Convert.ToBase64String(signed.RootHash), otherRoot, StringComparison.Ordinal), key).ShouldBeNull();
        SignedCheckpoint.Verify("not a note", key).ShouldBeNull();
    }

    [Fact]
    public void Any_field_of_an_event_changes_its_leaf()
    {
        var leaf = new EventLeaf(5, Guid.NewGuid(), Guid.NewGuid().ToString(), 2, "request_approved", At, "*DEFAULT*", "c", "k", """{"actor": 1}""", """{"a": 1}""");
        var hash = leaf.LeafHash();
        EventLeaf[] edits =
        [
            leaf with { Sequence = 6 }, leaf with { Id = Guid.NewGuid() }, leaf with { StreamId = "x" }, leaf with { Version = 3 },
            leaf with { Type = "request_rejected" }, leaf with { Timestamp = At.AddTicks(10) }, leaf with { TenantId = "t" },
            leaf with { CorrelationId = null }, leaf with { CausationId = "" }, leaf with { Headers = null }, leaf with { Data = """{"a": 2}""" },
            // Field boundaries are length-prefixed, so moving text from one field to the next is a change too.
            leaf with { CorrelationId = "ck", CausationId = "" },
        ];
        edits.Select(e => Convert.ToHexString(e.LeafHash())).ShouldAllBe(h => h != Convert.ToHexString(hash));
        leaf.LeafHash().ShouldBe(hash, "the encoding is deterministic");
    }
}
