namespace MyGovernment.Integrity;

/// <summary>
/// A receipt: the event as leaf bytes, its audit path to the root of a tree size, and the signed checkpoint of
/// that size when there is one. `verify-proof` checks it offline with only the public key.
/// </summary>
public sealed record InclusionReceipt(
    long Seq, long LeafIndex, long TreeSize, string LeafBytes, string LeafHash, IReadOnlyList<string> AuditPath, string RootHash, string? Checkpoint);

public sealed record ConsistencyProofView(long From, long To, string FromRoot, string ToRoot, IReadOnlyList<string> Proof, string? FromCheckpoint, string? ToCheckpoint);

/// <summary>Why no proof could be given: <c>not_sealed</c> (the event is not covered yet), <c>tree_too_large</c> or <c>bad_tree_sizes</c>.</summary>
public sealed record ProofRefusal(string Code, string Detail)
{
    public const string NotSealed = "not_sealed";

    /// <summary>The event exists in no covered prefix (a 404), as opposed to sizes asked for that cannot be (a 400).</summary>
    public bool NotFound => Code == NotSealed;
}

/// <summary>A proof, or the reason there is none.</summary>
public sealed record ProofResult<T>(T? Proof, ProofRefusal? Refusal)
    where T : class
{
    public static implicit operator ProofResult<T>(T proof) => new(proof, null);

    public static implicit operator ProofResult<T>(ProofRefusal refusal) => new(null, refusal);
}
