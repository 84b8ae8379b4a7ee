using System.Security.Cryptography;
using MyGovernment.Domain.Integrity;

namespace MyGovernment.Integrity;

/// <summary>
/// An mt_events row as the sealer reads it: the leaf's own fields in <see cref="Head"/> (whose Headers and Data
/// are left empty) and the headers and data as the UTF-8 bytes of PostgreSQL's jsonb text. The sealer only hashes
/// them, so decoding them into strings would be work and memory for nothing (issue 16). The bytes belong to the
/// batch's <see cref="RowBytes"/>: valid until it is disposed.
/// </summary>
public sealed record Utf8EventRow(EventLeaf Head, ReadOnlyMemory<byte>? Headers, ReadOnlyMemory<byte> Data)
{
    public long Sequence => Head.Sequence;

    public Guid Id => Head.Id;

    /// <summary>The same value as <see cref="EventLeaf.LeafHash()"/> of the row read as text.</summary>
    public byte[] LeafHash() => EventLeaf.LeafHash(Head, Headers, Data.Span);

    /// <summary>The same value as <see cref="EventLeaf.DataHash"/> of the row read as text.</summary>
    public byte[] DataHash() => SHA256.HashData(Data.Span);
}
