using Marten;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace MyGovernment.Integrity;

/// <summary>
/// Our own tables beside Marten's (created and migrated by Marten with the rest of the schema): the leaf hash of
/// every sealed event, recorded once, and the signed checkpoints. Leaves let verify name the event that changed;
/// checkpoints, signed with a key the database does not hold, catch a rewrite of events and leaves together.
/// </summary>
public static class IntegritySchema
{
    public const string Leaves = "integrity_leaves";
    public const string Checkpoints = "integrity_checkpoints";
    public const string Tiles = "integrity_tiles";

    public static void AddIntegrityTables(this StoreOptions opts, string schema)
    {
        var leaves = new Table(new PostgresqlObjectName(schema, Leaves, SchemaUtils.IdentifierUsage.General));
        leaves.AddColumn<long>("leaf_index").AsPrimaryKey();
        leaves.AddColumn<long>("seq_id").NotNull();
        leaves.AddColumn<Guid>("event_id").NotNull();
        leaves.AddColumn("leaf_hash", "bytea").NotNull();
        leaves.AddColumn("data_hash", "bytea").NotNull();
        leaves.Indexes.Add(new IndexDefinition($"ix_{Leaves}_seq_id") { Columns = ["seq_id"], IsUnique = true });
        opts.Storage.ExtendedSchemaObjects.Add(leaves);

        // Derived from the leaves (TiledMerkleTree): the root of every complete aligned block of 256^level leaves, so that
        // proofs read O(log n) hashes. Never trusted: verify recomputes each one from the leaves.
        var tiles = new Table(new PostgresqlObjectName(schema, Tiles, SchemaUtils.IdentifierUsage.General));
        tiles.AddColumn<int>("level").AsPrimaryKey();
        tiles.AddColumn<long>("idx").AsPrimaryKey();
        tiles.AddColumn("hash", "bytea").NotNull();
        opts.Storage.ExtendedSchemaObjects.Add(tiles);

        var checkpoints = new Table(new PostgresqlObjectName(schema, Checkpoints, SchemaUtils.IdentifierUsage.General));
        checkpoints.AddColumn("id", "bigint").AsPrimaryKey().BigAutoIncrement();
        checkpoints.AddColumn<long>("tree_size").NotNull();
        checkpoints.AddColumn("root_hash", "bytea").NotNull();
        checkpoints.AddColumn<DateTimeOffset>("issued_at").NotNull();
        checkpoints.AddColumn<string>("note").NotNull();
        opts.Storage.ExtendedSchemaObjects.Add(checkpoints);
    }
}
