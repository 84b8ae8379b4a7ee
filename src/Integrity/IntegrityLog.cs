using Microsoft.Extensions.Options;
using MyGovernment.Domain.Integrity;
using Npgsql;
using NpgsqlTypes;

namespace MyGovernment.Integrity;

/// <summary>A checkpoint as stored: its row id and the signed note (the note is the truth; the columns index it).</summary>
public sealed record StoredCheckpoint(long Id, long TreeSize, byte[] RootHash, DateTimeOffset IssuedAt, string Note);

/// <summary>
/// The transparency log over mt_events: seals new events as leaves (in seq_id order, once, under an advisory
/// lock so two nodes never interleave) and signs checkpoints of the sealed prefix.
/// </summary>
public sealed class IntegrityLog(
    IntegrityDatabase db, CheckpointKey key, IOptions<IntegrityOptions> options, TimeProvider clock, IntegrityAlarm alarm, IntegrityResolutions resolutions,
    CheckpointWitnesses? witnesses = null)
{
    private const long LockId = 7_262_736_101;
    private const int Batch = 5_000;

    private readonly SealedPrefix prefix = new();

    /// <summary>Seals what is safe to seal and signs a checkpoint of it; unless forced, only when the log grew.</summary>
    public async Task<StoredCheckpoint?> CheckpointAsync(bool force, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var (size, last, fold) = await SealUnderLockAsync(connection, ct);
        var latest = last?.TreeSize;
        if (!force && latest == size)
        {
            await tx.CommitAsync(ct);
            Keep(fold);
            return null;
        }
        // From this node's own fold when it had the last checkpoint's root at that checkpoint's size (on one node,
        // always; across nodes, when it read the other node's leaves back up to that size); otherwise resumed from
        // the last checkpoint's stored frontier, checked against its signed root.
        if (fold is null || last is null || !fold.Passed(last))
        {
            fold = await FoldSinceLastCheckpointAsync(connection, size, last, ct);
        }
        var root = fold.Root();
        var signed = SignedCheckpoint.Sign(options.Value.Origin, size, root, clock.GetUtcNow(), key.Key);
        if (witnesses is not null && options.Value.Witnesses.Count > 0)
        {
            // Inside the transaction: a refusal rolls back this round's leaves too, and nothing is stored.
            var cosignatures = await witnesses.CosignAsync(signed, latest ?? 0,
                async old => await ReadTreeAsync(connection, tree => tree.ConsistencyProof(old, size), ct), ct);
            signed = signed with { Note = signed.Note + cosignatures };
        }
        await using var insert = new NpgsqlCommand(
            $"insert into {db.Schema}.{IntegritySchema.Checkpoints} (tree_size, root_hash, issued_at, note) values (@size, @root, @at, @note) returning id", connection);
        insert.Parameters.AddWithValue("size", size);
        insert.Parameters.AddWithValue("root", signed.RootHash);
        insert.Parameters.AddWithValue("at", signed.Time);
        insert.Parameters.AddWithValue("note", signed.Note);
        var id = (long)(await insert.ExecuteScalarAsync(ct))!;
        await tx.CommitAsync(ct);
        prefix.Keep(fold);
        return new StoredCheckpoint(id, size, signed.RootHash, signed.Time, signed.Note);
    }

    /// <summary>Checks at start-up that this node's signing key is the deployment's (raises the alarm if not).</summary>
    public async Task<string?> KeyProblemAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return (await LastSignedAsync(connection, ct)).Problem;
    }

    /// <summary>
    /// Seals what is safe to seal (leaves and tiles) without signing: the rounds between checkpoints
    /// (<see cref="IntegrityOptions.SealInterval"/>). Returns the sealed size.
    /// </summary>
    public async Task<long> SealAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var (size, _, fold) = await SealUnderLockAsync(connection, ct);
        await tx.CommitAsync(ct);
        Keep(fold);
        return size;
    }

    /// <summary>After a round that did not sign committed: the fold it reached, if this node keeps one yet.</summary>
    private void Keep(LogFold? fold)
    {
        if (fold is not null)
        {
            prefix.Keep(fold);
        }
    }

    /// <summary>
    /// One sealer at a time across nodes (transaction-scoped advisory lock), and only with the deployment's key.
    /// Returns the sealed size, the last checkpoint, verified under this key (null before the first), and this node's
    /// fold extended to the sealed size and marked there (null until its first signing round).
    /// </summary>
    private async Task<(long Size, SignedCheckpoint? Last, LogFold? Fold)> SealUnderLockAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await ExecuteAsync(connection, $"select pg_advisory_xact_lock({LockId})", ct);
        // A node with another key would seal and sign what no other node's key verifies: it does neither.
        var (last, problem) = await LastSignedAsync(connection, ct);
        if (problem is not null)
        {
            throw new IntegrityRefusedException(problem);
        }
        // Taken under the lock: every round this node committed before it is in the copy, or read back below.
        var (size, fold) = await AppendLeavesAsync(connection, prefix.Take(), last, ct);
        fold?.Mark();
        // Also the backfill of a database sealed before tiles existed: its first round stores every tile it lacks.
        await ExtendTilesAsync(connection, size, ct);
        return (size, last, fold);
    }

    /// <summary>
    /// The first <paramref name="size"/> leaves folded from the leaves sealed since the last checkpoint this
    /// key signed, on top of that checkpoint's frontier (its O(log n) perfect subtrees, read from the stored tiles and
    /// checked to give its signed root). Folding every leaf of the log each round read and hashed the whole log (half a
    /// million leaves: about a second of both cores on the benchmark's machine, which stalled the commands beside it,
    /// issue 16 part J) and grew with the log for ever. The signed root still comes from leaves, never from a tile no
    /// signed root vouches for: an edited tile in the signed prefix fails the frontier check, and nothing is signed.
    /// </summary>
    private async Task<LogFold> FoldSinceLastCheckpointAsync(NpgsqlConnection connection, long size, SignedCheckpoint? last, CancellationToken ct)
    {
        var accumulator = new MerkleAccumulator();
        if (last is { TreeSize: > 0 } && last.TreeSize <= size)
        {
            var blocks = MerkleAccumulator.FrontierBlocks(last.TreeSize);
            var frontier = await ReadTreeAsync(connection, tree => blocks.Select(b => tree.Subtree(b.Start, b.End)).ToList(), ct);
            accumulator = MerkleAccumulator.Resume(last.TreeSize, frontier);
            if (!accumulator.Root().AsSpan().SequenceEqual(last.RootHash))
            {
                var problem = $"the stored tiles and leaves of the first {last.TreeSize} events no longer give the root of the last signed " +
                              "checkpoint: a stored tile or leaf changed. Nothing is signed until verify names it and it is restored.";
                alarm.Raise(IntegrityAlarm.TreeInconsistent, problem);
                throw new IntegrityRefusedException(problem);
            }
        }
        alarm.Clear(IntegrityAlarm.TreeInconsistent);
        var fold = new LogFold(accumulator);
        fold.Mark();
        await FoldStoredLeavesAsync(connection, fold, size, ct);
        fold.Mark();
        return fold;
    }

    /// <summary>Folds the stored leaf hashes from the fold's size up to <paramref name="size"/> into it.</summary>
    private async Task FoldStoredLeavesAsync(NpgsqlConnection connection, LogFold fold, long size, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            $"select leaf_hash from {db.Schema}.{IntegritySchema.Leaves} where leaf_index >= @from and leaf_index < @size order by leaf_index", connection);
        command.Parameters.AddWithValue("from", fold.Size);
        command.Parameters.AddWithValue("size", size);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            fold.AddLeafHash((byte[])reader[0]);
        }
    }

    /// <summary>
    /// The latest stored checkpoint, verified under this node's key; or why this node must not sign, if it does not
    /// verify (another deployment's key).
    /// </summary>
    private async Task<(SignedCheckpoint? Last, string? Problem)> LastSignedAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand($"select id, note from {db.Schema}.{IntegritySchema.Checkpoints} order by id desc limit 1", connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct))
        {
            alarm.Clear(IntegrityAlarm.ForeignKey);
            return (null, null);
        }
        if (SignedCheckpoint.Verify(reader.GetString(1), key.Key) is { } last)
        {
            alarm.Clear(IntegrityAlarm.ForeignKey);
            return (last, null);
        }
        var problem = $"the latest checkpoint (id {reader.GetInt64(0)}) does not verify under this node's signing key " +
                      $"(key id {Convert.ToHexStringLower(SignedNote.KeyId(key.Key))}): every node of a deployment needs the same " +
                      "Integrity:SigningKeyPem. This node neither seals nor signs.";
        alarm.Raise(IntegrityAlarm.ForeignKey, problem);
        return (null, problem);
    }

    public async Task<IReadOnlyList<StoredCheckpoint>> CheckpointsAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var command = new NpgsqlCommand(
            $"select id, tree_size, root_hash, issued_at, note from {db.Schema}.{IntegritySchema.Checkpoints} order by id", connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var list = new List<StoredCheckpoint>();
        while (await reader.ReadAsync(ct))
        {
            list.Add(new StoredCheckpoint(reader.GetInt64(0), reader.GetInt64(1), (byte[])reader[2], reader.GetFieldValue<DateTimeOffset>(3), reader.GetString(4)));
        }
        return list;
    }

    /// <summary>
    /// The sealed tree as proofs read it: only the stored hashes a root or proof needs (<see cref="TiledMerkleTree"/>),
    /// fetched in a few round trips — O(log n) hashes, not the log. Tiles not stored yet (before the backfill) are
    /// computed from the level below, down to the leaves.
    /// </summary>
    public async Task<T> ReadTreeAsync<T>(Func<TiledMerkleTree, T> compute, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await ReadTreeAsync(connection, compute, ct);
    }

    /// <summary>On a given connection: the sealer's own, which sees the leaves it has not committed yet.</summary>
    private async Task<T> ReadTreeAsync<T>(NpgsqlConnection connection, Func<TiledMerkleTree, T> compute, CancellationToken ct)
    {
        var nodes = new FetchedNodes();
        while (true)
        {
            var result = compute(new TiledMerkleTree(nodes));
            if (nodes.Wanted.Count == 0)
            {
                return result;
            }
            await FetchAsync(connection, nodes, ct);
        }
    }

    /// <summary>Hashes fetched so far; asks for the ones it lacks by recording them (and answering a placeholder for this round).</summary>
    private sealed class FetchedNodes : IMerkleNodes
    {
        private static readonly byte[] Placeholder = new byte[MerkleTree.HashSize];

        public Dictionary<(int Level, long Index), byte[]?> Known { get; } = [];

        public HashSet<(int Level, long Index)> Wanted { get; } = [];

        public byte[]? Node(int level, long index)
        {
            if (Known.TryGetValue((level, index), out var hash))
            {
                return hash;
            }
            Wanted.Add((level, index));
            return Placeholder;
        }
    }

    private async Task FetchAsync(NpgsqlConnection connection, FetchedNodes nodes, CancellationToken ct)
    {
        var leaves = nodes.Wanted.Where(w => w.Level == 0).Select(w => w.Index).ToArray();
        var tiles = nodes.Wanted.Where(w => w.Level > 0).ToArray();
        foreach (var wanted in nodes.Wanted)
        {
            nodes.Known[wanted] = null;
        }
        nodes.Wanted.Clear();
        await using var command = new NpgsqlCommand(
            $"select 0, leaf_index, leaf_hash from {db.Schema}.{IntegritySchema.Leaves} where leaf_index = any(@leaves) " +
            $"union all select t.level, t.idx, t.hash from {db.Schema}.{IntegritySchema.Tiles} t join unnest(@levels, @indexes) w(level, idx) on t.level = w.level and t.idx = w.idx",
            connection);
        command.Parameters.AddWithValue("leaves", leaves);
        command.Parameters.AddWithValue("levels", tiles.Select(t => t.Level).ToArray());
        command.Parameters.AddWithValue("indexes", tiles.Select(t => t.Index).ToArray());
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            nodes.Known[(reader.GetInt32(0), reader.GetInt64(1))] = (byte[])reader[2];
        }
    }

    /// <summary>
    /// Stores the root of every complete aligned block of 256^level leaves not stored yet, level by level (each from the
    /// level below), up to <paramref name="size"/> sealed leaves. Runs under the sealer's lock, so blocks are stored once.
    /// </summary>
    private async Task ExtendTilesAsync(NpgsqlConnection connection, long size, CancellationToken ct)
    {
        const int width = 1 << MerkleTiles.DefaultHeight;
        const int parentsPerRound = 64;
        for (var level = 1; MerkleTiles.CompleteNodes(size, level) is var complete && complete > 0; level++)
        {
            var next = await ScalarAsync<long?>(connection, $"select max(idx) + 1 from {db.Schema}.{IntegritySchema.Tiles} where level = {level}", ct) ?? 0;
            while (next < complete)
            {
                var count = (int)Math.Min(parentsPerRound, complete - next);
                var children = await ChildrenAsync(connection, level - 1, next * width, (next + count) * width, ct);
                if (children.Count != count * width)
                {
                    // A child is missing (a tile deleted by hand): leave the parent out; proofs compute it from below.
                    break;
                }
                await using (var importer = await connection.BeginBinaryImportAsync(
                    $"copy {db.Schema}.{IntegritySchema.Tiles} (level, idx, hash) from stdin (format binary)", ct))
                {
                    for (var i = 0; i < count; i++)
                    {
                        await importer.StartRowAsync(ct);
                        await importer.WriteAsync(level, NpgsqlDbType.Integer, ct);
                        await importer.WriteAsync(next + i, NpgsqlDbType.Bigint, ct);
                        await importer.WriteAsync(MerkleTiles.PerfectRoot(children.GetRange(i * width, width)), NpgsqlDbType.Bytea, ct);
                    }
                    await importer.CompleteAsync(ct);
                }
                next += count;
            }
        }
    }

    private async Task<List<byte[]>> ChildrenAsync(NpgsqlConnection connection, int level, long from, long to, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(level == 0
            ? $"select leaf_hash from {db.Schema}.{IntegritySchema.Leaves} where leaf_index >= @from and leaf_index < @to order by leaf_index"
            : $"select hash from {db.Schema}.{IntegritySchema.Tiles} where level = {level} and idx >= @from and idx < @to order by idx", connection);
        command.Parameters.AddWithValue("from", from);
        command.Parameters.AddWithValue("to", to);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var hashes = new List<byte[]>();
        while (await reader.ReadAsync(ct))
        {
            hashes.Add((byte[])reader[0]);
        }
        return hashes;
    }

    public async Task<long> SealedSizeAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await ScalarAsync<long?>(connection, $"select max(leaf_index) + 1 from {db.Schema}.{IntegritySchema.Leaves}", ct) ?? 0;
    }

    public async Task<(long Index, long Size)?> LeafIndexOfAsync(long seq, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var index = await ScalarAsync<long?>(connection, $"select leaf_index from {db.Schema}.{IntegritySchema.Leaves} where seq_id = {seq}", ct);
        var size = await ScalarAsync<long?>(connection, $"select max(leaf_index) + 1 from {db.Schema}.{IntegritySchema.Leaves}", ct) ?? 0;
        return index is { } i ? (i, size) : null;
    }

    /// <summary>
    /// Appends leaves for events past the last sealed one, stopping at a hole that may still fill, and at the first
    /// row without a valid application tag (<see cref="EventTag"/>): that row is named in the alarm, and nothing after
    /// it is sealed until an auditor resolves it (<see cref="IntegrityResolutions"/>). Returns the tree size.
    /// A row that lands later in a hole already passed over is below the last sealed seq, so it is never read here:
    /// a late Marten tombstone stays unsealed without an alarm, and verify passes it over as a gap filler.
    /// </summary>
    private async Task<(long Size, LogFold? Fold)> AppendLeavesAsync(NpgsqlConnection connection, LogFold? fold, SignedCheckpoint? last, CancellationToken ct)
    {
        var nextIndex = await ScalarAsync<long?>(connection, $"select max(leaf_index) + 1 from {db.Schema}.{IntegritySchema.Leaves}", ct) ?? 0;
        if (fold is not null && fold.Size > nextIndex)
        {
            // Leaves this node folded are gone (deleted by hand): its fold no longer describes the table; the next
            // signing round resumes from the stored frontier, whose check names the damage.
            fold = null;
        }
        else if (fold is not null && fold.Size < nextIndex)
        {
            // Another node sealed since this node's last round. If it also signed, mark the fold at that checkpoint's
            // size on the way, so that this node can sign on top of it from its fold.
            if (last is not null && last.TreeSize > fold.Size && last.TreeSize <= nextIndex)
            {
                await FoldStoredLeavesAsync(connection, fold, last.TreeSize, ct);
                fold.Mark();
            }
            if (fold.Size < nextIndex)
            {
                await FoldStoredLeavesAsync(connection, fold, nextIndex, ct);
            }
        }
        var lastSeq = await ScalarAsync<long?>(connection, $"select max(seq_id) from {db.Schema}.{IntegritySchema.Leaves}", ct) ?? 0;
        var settledBefore = (await ScalarAsync<DateTime>(connection, "select now()", ct)) - options.Value.GapTimeout;
        var resolved = await resolutions.ValidAsync(connection, ct);
        while (true)
        {
            using var bytes = new RowBytes();
            var rows = new List<Utf8EventRow>();
            await foreach (var e in EventRows.ReadUtf8Async(connection, db.Schema, lastSeq, Batch, bytes, ct))
            {
                var expected = rows.Count == 0 ? lastSeq + 1 : rows[^1].Sequence + 1;
                if (e.Sequence != expected && e.Head.Timestamp.UtcDateTime > settledBefore)
                {
                    break;
                }
                rows.Add(e);
            }
            if (rows.Count == 0)
            {
                alarm.Clear(IntegrityAlarm.UnauthenticatedEvent);
                return (nextIndex, fold);
            }
            var tags = await EventTags.ReadAsync(connection, db.Schema, rows, ct);
            var batch = new List<Utf8EventRow>();
            Utf8EventRow? refused = null;
            foreach (var e in rows)
            {
                if (e.Sequence <= options.Value.TagsRequiredAfterSeq || EventTag.Matches(key.TagKey, e, tags.GetValueOrDefault(e.Id)))
                {
                    batch.Add(e);
                }
                else if (!resolved.ContainsKey((e.Sequence, e.Id)))
                {
                    refused = e;
                    break;
                }
            }
            await WriteLeavesAsync(connection, batch, nextIndex, fold, ct);
            nextIndex += batch.Count;
            if (refused is not null)
            {
                alarm.Raise(IntegrityAlarm.UnauthenticatedEvent,
                    $"event seq {refused.Sequence} (id {refused.Id}, type {refused.Head.Type}) has no valid application tag: it was not appended by the application. " +
                    "Sealing is halted at this row until an auditor resolves it (docs/operations.md, \"Sealing halted\").");
                return (nextIndex, fold);
            }
            lastSeq = rows[^1].Sequence;
            if (rows.Count < Batch)
            {
                alarm.Clear(IntegrityAlarm.UnauthenticatedEvent);
                return (nextIndex, fold);
            }
        }
    }

    private async Task WriteLeavesAsync(NpgsqlConnection connection, List<Utf8EventRow> batch, long firstIndex, LogFold? fold, CancellationToken ct)
    {
        await using var importer = await connection.BeginBinaryImportAsync(
            $"copy {db.Schema}.{IntegritySchema.Leaves} (leaf_index, seq_id, event_id, leaf_hash, data_hash, seal_tag) from stdin (format binary)", ct);
        var index = firstIndex;
        foreach (var e in batch)
        {
            var leaf = e.LeafHash();
            var data = e.DataHash();
            await importer.StartRowAsync(ct);
            await importer.WriteAsync(index, NpgsqlDbType.Bigint, ct);
            await importer.WriteAsync(e.Sequence, NpgsqlDbType.Bigint, ct);
            await importer.WriteAsync(e.Id, NpgsqlDbType.Uuid, ct);
            await importer.WriteAsync(leaf, NpgsqlDbType.Bytea, ct);
            await importer.WriteAsync(data, NpgsqlDbType.Bytea, ct);
            await importer.WriteAsync(LeafSeal.Compute(key.TagKey, index, e.Sequence, e.Id, leaf, data), NpgsqlDbType.Bytea, ct);
            fold?.AddLeafHash(leaf);
            index++;
        }
        await importer.CompleteAsync(ct);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        var value = await command.ExecuteScalarAsync(ct);
        return value is null or DBNull ? default! : (T)value;
    }
}
