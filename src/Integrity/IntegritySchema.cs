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
    public const string EventTags = "integrity_event_tags";
    public const string Resolutions = "integrity_resolutions";

    public static void AddIntegrityTables(this StoreOptions opts, string schema)
    {
        var leaves = new Table(new PostgresqlObjectName(schema, Leaves, SchemaUtils.IdentifierUsage.General));
        leaves.AddColumn<long>("leaf_index").AsPrimaryKey();
        leaves.AddColumn<long>("seq_id").NotNull();
        leaves.AddColumn<Guid>("event_id").NotNull();
        leaves.AddColumn("leaf_hash", "bytea").NotNull();
        leaves.AddColumn("data_hash", "bytea").NotNull();
        // HMAC of the leaf row under the tag key (LeafSeal): names a leaf rewritten together with its event. Null on
        // leaves sealed before it existed (below Integrity:TagsRequiredAfterSeq).
        leaves.AddColumn("seal_tag", "bytea");
        leaves.Indexes.Add(new IndexDefinition($"ix_{Leaves}_seq_id") { Columns = ["seq_id"], IsUnique = true });
        opts.Storage.ExtendedSchemaObjects.Add(leaves);

        // Derived from the leaves (TiledMerkleTree): the root of every complete aligned block of 256^level leaves, so that
        // proofs read O(log n) hashes. Never trusted: verify recomputes each one from the leaves.
        var tiles = new Table(new PostgresqlObjectName(schema, Tiles, SchemaUtils.IdentifierUsage.General));
        tiles.AddColumn<int>("level").AsPrimaryKey();
        tiles.AddColumn<long>("idx").AsPrimaryKey();
        tiles.AddColumn("hash", "bytea").NotNull();
        opts.Storage.ExtendedSchemaObjects.Add(tiles);

        // The application's authentication tag of each event appended before tags moved into the events' headers
        // (EventTag.Header): still read for those rows, no longer written.
        var tags = new Table(new PostgresqlObjectName(schema, EventTags, SchemaUtils.IdentifierUsage.General));
        tags.AddColumn<Guid>("event_id").AsPrimaryKey();
        tags.AddColumn("tag", "bytea").NotNull();
        opts.Storage.ExtendedSchemaObjects.Add(tags);

        // An auditor's decision on a row the sealer refused (IntegrityResolutions): it is passed over, never sealed.
        var resolutions = new Table(new PostgresqlObjectName(schema, Resolutions, SchemaUtils.IdentifierUsage.General));
        resolutions.AddColumn("id", "bigint").AsPrimaryKey().BigAutoIncrement();
        resolutions.AddColumn<long>("seq_id").NotNull();
        resolutions.AddColumn<Guid>("event_id").NotNull();
        resolutions.AddColumn<string>("resolved_by").NotNull();
        resolutions.AddColumn<string>("reason").NotNull();
        resolutions.AddColumn<DateTimeOffset>("resolved_at").NotNull();
        resolutions.AddColumn("tag", "bytea").NotNull();
        opts.Storage.ExtendedSchemaObjects.Add(resolutions);

        var checkpoints = new Table(new PostgresqlObjectName(schema, Checkpoints, SchemaUtils.IdentifierUsage.General));
        checkpoints.AddColumn("id", "bigint").AsPrimaryKey().BigAutoIncrement();
        checkpoints.AddColumn<long>("tree_size").NotNull();
        checkpoints.AddColumn("root_hash", "bytea").NotNull();
        checkpoints.AddColumn<DateTimeOffset>("issued_at").NotNull();
        checkpoints.AddColumn<string>("note").NotNull();
        opts.Storage.ExtendedSchemaObjects.Add(checkpoints);
    }
}
