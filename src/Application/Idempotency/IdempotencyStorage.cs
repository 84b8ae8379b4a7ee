using Marten;

namespace MyGovernment.Application.Idempotency;

/// <summary>How the records are kept in PostgreSQL, registered with the store by the host.</summary>
public static class IdempotencyStorage
{
    /// <summary>The column Marten keeps <see cref="IdempotencyRecord.ExpiresAt"/> in, written by the command's own statement too.</summary>
    public const string ExpiresAtColumn = "expires_at";

    /// <summary>
    /// The expiry as a real column, indexed for the purge. An index over the JSON ran Marten's
    /// <c>mt_immutable_timestamptz</c>, an SQL function PostgreSQL cannot inline (a text-to-timestamptz cast is only
    /// stable), so every command parsed and planned its body again (issue 16). Marten fills the column of the rows
    /// already there when it adds it.
    /// </summary>
    public static void Map(StoreOptions opts) => opts.Schema.For<IdempotencyRecord>().Duplicate(r => r.ExpiresAt);
}
