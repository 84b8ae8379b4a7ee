using System.Diagnostics;
using Microsoft.Extensions.Options;
using MyGovernment.Domain.Integrity;
using Npgsql;

namespace MyGovernment.Integrity;

/// <summary>One discrepancy: kind is modified, deleted, inserted or reordered; detail says what (data or metadata, from where to where).</summary>
public sealed record VerifyFinding(string Kind, long Seq, Guid EventId, string Detail);

public sealed record CheckpointCheck(long Id, long TreeSize, DateTimeOffset Time, bool SignatureValid, bool MatchesRecordedLeaves, bool MatchesEvents);

/// <summary>A stored tile hash (derived data) that does not match the one recomputed from the recorded leaves: <c>modified</c>, or <c>unexpected</c> (no such complete block).</summary>
public sealed record TileFinding(string Kind, int Level, long Index, string Detail);

public sealed record VerifyReport(
    bool Ok, long EventsChecked, long SealedLeaves, long UnsealedEvents, string CurrentRoot, IReadOnlyList<VerifyFinding> Findings,
    IReadOnlyList<CheckpointCheck> Checkpoints, string? CheckpointSummary, double Seconds, double EventsPerSecond,
    long TilesChecked = 0, long TilesMissing = 0, IReadOnlyList<TileFinding>? TileFindings = null,
    IReadOnlyList<CosignatureCheck>? Cosignatures = null);

/// <summary>
/// Recomputes every leaf from mt_events and compares, in one streaming pass, (1) each recomputed leaf with the
/// leaf recorded when the event was sealed, naming the event that changed, and (2) the roots of both the
/// recorded leaves and the current events at every checkpoint size with the signed checkpoint root. Someone
/// who rewrites events and recorded leaves alike passes (1) and fails (2) without the signing key.
/// Memory: O(log n) per tree plus the discrepancies found.
/// </summary>
public sealed class LogVerifier(IntegrityDatabase db, IntegrityLog log, CheckpointKey key, IOptions<IntegrityOptions> options, IntegrityResolutions resolutions)
{
    private sealed record Recorded(long Index, long Seq, Guid Id, byte[] Leaf, byte[] DataHash, byte[]? Seal);

    /// <param name="keptNotes">
    /// Signed checkpoint notes the auditor kept outside the system (from GET /api/audit/checkpoints). When given,
    /// the log is checked against these instead of the stored ones, so deleting or rewriting stored checkpoints
    /// cannot hide a change. A kept note that does not parse counts as a checkpoint with an invalid signature.
    /// </param>
    /// <param name="witnessKeys">
    /// The witnesses' verifier keys the auditor holds (default: the configured witnesses'): every checkpoint's
    /// cosignature by each is checked; an invalid one, or none on the latest checkpoint, fails verify.
    /// </param>
    public async Task<VerifyReport> VerifyAsync(CancellationToken ct, IReadOnlyList<string>? keptNotes = null, IReadOnlyList<string>? witnessKeys = null)
    {
        var clock = Stopwatch.StartNew();
        var checkpoints = keptNotes is null
            ? await log.CheckpointsAsync(ct)
            : [.. keptNotes.Select((note, i) => SignedCheckpoint.Parse(note) is { } parsed
                ? new StoredCheckpoint(-(i + 1), parsed.TreeSize, parsed.RootHash, parsed.Time, note)
                : new StoredCheckpoint(-(i + 1), 0, [], DateTimeOffset.MinValue, note))];
        var signed = checkpoints.Select(c => (Row: c, Note: SignedCheckpoint.Verify(c.Note, key.Key))).ToList();

        await using var events = await db.OpenAsync(ct);
        await using var leaves = await db.OpenAsync(ct);
        await using var tileConnection = await db.OpenAsync(ct);
        await using var recordedReader = await RecordedAsync(leaves, ct);
        await using var tiles = new TileCheck(await StoredTilesAsync(tileConnection, ct));
        // Every row, whatever its seq_id: one at 0 or below is never sealed, and must still be seen.
        var current = EventRows.ReadAsync(events, db.Schema, long.MinValue, null, ct).GetAsyncEnumerator(ct);
        using var seal = LeafSeal.Hmac(key.TagKey);
        var cutover = options.Value.TagsRequiredAfterSeq;
        var tail = new List<EventLeaf>();

        var findings = new List<VerifyFinding>();
        var unmatchedRecorded = new Dictionary<Guid, Recorded>();
        var unmatchedCurrent = new Dictionary<Guid, EventLeaf>();
        // Marten tombstones in sequence numbers the sealed log passed over: no finding, unless one is a sealed event moved.
        var gapFillers = new Dictionary<Guid, EventLeaf>();
        // The stored tiles are checked against the recorded leaves' tree as it completes each block: no second hashing.
        var recordedTree = new Tree(signed.Select(s => s.Note?.TreeSize ?? s.Row.TreeSize), tiles.Completed);
        // The current events' tree is the same object while every event matches its leaf (the honest case: each node
        // hashed once), and its own copy from the first difference on.
        var currentTree = recordedTree;
        // The seq_id of the first and last leaf of every stretch between checkpoints, to say in which events a change lies.
        var boundaries = signed.Select(s => s.Note?.TreeSize ?? s.Row.TreeSize).SelectMany(size => new[] { size - 1, size }).Append(0).ToHashSet();
        var seqOfLeaf = new Dictionary<long, long>();
        long checkedEvents = 0, sealedLeaves = 0, unsealed = 0, lastSealedSeq = 0;

        var r = await NextAsync(recordedReader, ct);
        var hasCurrent = await current.MoveNextAsync();
        while (r is not null || hasCurrent)
        {
            var c = hasCurrent ? current.Current : null;
            if (r is not null && (c is null || r.Seq < c.Sequence))
            {
                Fork();
                unmatchedRecorded[r.Id] = r;
                Advance(r);
                await tiles.CompareAsync(ct);
                r = await NextAsync(recordedReader, ct);
                continue;
            }
            checkedEvents++;
            if (r is not null && r.Seq > c!.Sequence && c.Sequence > Math.Max(lastSealedSeq, 0) && EventTag.IsMartenTombstone(c))
            {
                // Strictly between two sealed leaves: a hole the sealer passed over after Integrity:GapTimeout, where a
                // refused commit's tombstone can land later (Marten writes them from a background block). It fills a
                // number the signed log records as empty, carries nothing and is read by no projection: it changes no
                // history, so it is neither a finding nor part of the events' tree. Any other row there stays
                // "inserted"; a row at a sealed leaf's seq never comes here.
                gapFillers[c.Id] = c;
                hasCurrent = await current.MoveNextAsync();
                continue;
            }
            var leaf = c!.LeafHash();
            if (r is null || r.Seq != c.Sequence || r.Id != c.Id || !r.Leaf.AsSpan().SequenceEqual(leaf))
            {
                Fork();
            }
            if (currentTree != recordedTree)
            {
                currentTree.Add(leaf);
            }
            if (r is not null && r.Seq == c.Sequence)
            {
                if (r.Id != c.Id)
                {
                    unmatchedRecorded[r.Id] = r;
                    unmatchedCurrent[c.Id] = c;
                }
                else if (!SealHolds(r))
                {
                    findings.Add(new VerifyFinding("modified", c.Sequence, c.Id, r.Leaf.AsSpan().SequenceEqual(leaf)
                        ? "the event and its recorded leaf were rewritten together (the leaf's seal does not verify)"
                        : "the recorded leaf was rewritten (its seal does not verify)"));
                }
                else if (!r.Leaf.AsSpan().SequenceEqual(leaf))
                {
                    var what = r.DataHash.AsSpan().SequenceEqual(c.DataHash()) ? "metadata" : "data";
                    findings.Add(new VerifyFinding("modified", c.Sequence, c.Id, $"the event's {what} changed after it was sealed"));
                }
                Advance(r);
                await tiles.CompareAsync(ct);
                r = await NextAsync(recordedReader, ct);
            }
            else if (r is not null || c.Sequence <= lastSealedSeq)
            {
                unmatchedCurrent[c.Id] = c;
            }
            else
            {
                tail.Add(c);
            }
            hasCurrent = await current.MoveNextAsync();
        }
        await current.DisposeAsync();
        await tiles.FinishAsync(ct);

        foreach (var (id, rec) in unmatchedRecorded)
        {
            findings.Add(unmatchedCurrent.Remove(id, out var moved) || gapFillers.Remove(id, out moved)
                ? new VerifyFinding("reordered", moved.Sequence, id, $"sealed at seq {rec.Seq}, now at seq {moved.Sequence}")
                : new VerifyFinding("deleted", rec.Seq, id, $"sealed at seq {rec.Seq} (leaf {rec.Index}), no longer in mt_events"));
        }
        findings.AddRange(unmatchedCurrent.Values.Select(c => new VerifyFinding("inserted", c.Sequence, c.Id, c.Sequence <= 0
            ? "in mt_events with a seq_id the application never assigns (0 or below): never sealed"
            : "in mt_events among sealed events but never sealed")));
        await UnauthenticatedAsync(tail, cutover, findings, ct);
        unsealed = tail.Count;
        findings.Sort((a, b) => a.Seq.CompareTo(b.Seq));

        var checks = signed.Select(s =>
        {
            var size = s.Note?.TreeSize ?? s.Row.TreeSize;
            return new CheckpointCheck(s.Row.Id, size, s.Row.IssuedAt, s.Note is not null,
                s.Note is not null && recordedTree.RootAt(size) is { } rr && rr.AsSpan().SequenceEqual(s.Note.RootHash),
                s.Note is not null && currentTree.RootAt(size) is { } cr && cr.AsSpan().SequenceEqual(s.Note.RootHash));
        }).ToList();
        var witnesses = (witnessKeys ?? [.. options.Value.Witnesses.Select(w => w.VerifierKey)]).Select(WitnessKey.Parse).ToList();
        var cosignatures = signed.SelectMany(s => witnesses.Select(w => w.Check(s.Row.Note) is var (status, at)
            ? new CosignatureCheck(s.Row.Id, s.Note?.TreeSize ?? s.Row.TreeSize, w.Name, status, at)
            : null!)).ToList();
        var latest = signed.Count > 0 ? signed[^1].Row.Id : (long?)null;
        var seconds = clock.Elapsed.TotalSeconds;
        return new VerifyReport(
            findings.Count == 0 && tiles.Findings.Count == 0 && checks.All(x => x.SignatureValid && x.MatchesRecordedLeaves && x.MatchesEvents)
            && cosignatures.All(c => c.Status == WitnessKey.Valid || (c.Status == WitnessKey.Missing && c.CheckpointId != latest)),
            checkedEvents, sealedLeaves, unsealed, Convert.ToBase64String(currentTree.Root()), findings, checks, Summarize(checks, seqOfLeaf),
            seconds, seconds > 0 ? checkedEvents / seconds : 0, tiles.Checked, tiles.Missing, tiles.Findings, cosignatures);

        bool SealHolds(Recorded rec) => rec.Seal is null
            ? rec.Seq <= cutover
            : LeafSeal.Holds(seal, rec.Index, rec.Seq, rec.Id, rec.Leaf, rec.DataHash, rec.Seal);

        void Fork()
        {
            if (currentTree == recordedTree)
            {
                currentTree = recordedTree.Clone();
            }
        }

        void Advance(Recorded rec)
        {
            if (boundaries.Contains(rec.Index))
            {
                seqOfLeaf[rec.Index] = rec.Seq;
            }
            sealedLeaves++;
            lastSealedSeq = rec.Seq;
            recordedTree.Add(rec.Leaf);
        }
    }

    /// <summary>
    /// Names each row past the sealed log whose application tag is missing or wrong (<see cref="EventTag"/>): not
    /// appended by the application, so the sealer refuses it. One an auditor resolved is named as excluded.
    /// </summary>
    private async Task UnauthenticatedAsync(List<EventLeaf> tail, long cutover, List<VerifyFinding> findings, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var resolved = await resolutions.ValidAsync(connection, ct);
        foreach (var chunk in tail.Where(e => e.Sequence > cutover).Chunk(5_000))
        {
            var tags = await EventTags.ReadAsync(connection, db.Schema, chunk, ct);
            foreach (var e in chunk)
            {
                if (!EventTag.Matches(key.TagKey, e, tags.GetValueOrDefault(e.Id)))
                {
                    findings.Add(resolved.TryGetValue((e.Sequence, e.Id), out var r)
                        ? new VerifyFinding("excluded", e.Sequence, e.Id, $"without a valid application tag; passed over by {r.ResolvedBy} on {r.ResolvedAt:u}: {r.Reason}")
                        : new VerifyFinding("unauthenticated", e.Sequence, e.Id, "after the sealed log without a valid application tag: not appended by the application; sealing halts here"));
                }
            }
        }
    }

    /// <summary>Without leaves to compare (they were rewritten too), the checkpoints still bound where history changed.</summary>
    private static string? Summarize(List<CheckpointCheck> checks, Dictionary<long, long> seqOfLeaf)
    {
        var firstBad = checks.Where(c => !c.MatchesEvents).OrderBy(c => c.TreeSize).FirstOrDefault();
        if (firstBad is null)
        {
            return null;
        }
        var lastGood = checks.Where(c => c.MatchesEvents && c.TreeSize < firstBad.TreeSize).Select(c => c.TreeSize).DefaultIfEmpty(0).Max();
        return $"history differs from signed checkpoint {firstBad.Id} (size {firstBad.TreeSize}); it still matches up to size {lastGood}: " +
               $"the change lies in leaves {lastGood}..{firstBad.TreeSize - 1}" +
               (seqOfLeaf.TryGetValue(lastGood, out var from) && seqOfLeaf.TryGetValue(firstBad.TreeSize - 1, out var to)
                   ? $" (events sealed as seq {from}..{to})"
                   : "");
    }

    private async Task<NpgsqlDataReader> RecordedAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        var command = new NpgsqlCommand(
            $"select leaf_index, seq_id, event_id, leaf_hash, data_hash, seal_tag from {db.Schema}.{IntegritySchema.Leaves} order by leaf_index", connection);
        return await command.ExecuteReaderAsync(ct);
    }

    /// <summary>Stored tiles in the order the verifier completes them: by the leaf count that completes the block, then level.</summary>
    private async Task<NpgsqlDataReader> StoredTilesAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        var command = new NpgsqlCommand(
            $"select level, idx, hash from {db.Schema}.{IntegritySchema.Tiles} order by (idx + 1) << ({MerkleTiles.DefaultHeight} * level), level", connection);
        return await command.ExecuteReaderAsync(ct);
    }

    /// <summary>
    /// Recomputes every tile from the recorded leaves as they stream past (one partial block per level: O(log n)
    /// memory) and compares it with the stored one, merged in completion order. Tiles are derived data the proof
    /// endpoints read: a stored tile that differs would make a proof fail to verify, so it is named, never trusted.
    /// A tile not stored (before the backfill) is only counted: proofs compute it from the level below.
    /// </summary>
    private sealed class TileCheck(NpgsqlDataReader stored) : IAsyncDisposable
    {
        private readonly Queue<(int Level, long Index, byte[] Hash)> _pending = [];
        private (int Level, long Index, byte[] Hash)? _stored;
        private bool _started;

        public List<TileFinding> Findings { get; } = [];

        public long Checked { get; private set; }

        public long Missing { get; private set; }

        /// <summary>A perfect subtree of the recorded leaves completed: a tile when it spans 256^level leaves (level ≥ 1).</summary>
        public void Completed(long size, long index, byte[] hash)
        {
            var log2 = System.Numerics.BitOperations.Log2((ulong)size);
            if (log2 % MerkleTiles.DefaultHeight == 0)
            {
                _pending.Enqueue((log2 / MerkleTiles.DefaultHeight, index, hash));
            }
        }

        public async Task CompareAsync(CancellationToken ct)
        {
            while (_pending.TryDequeue(out var computed))
            {
                await StartAsync(ct);
                while (_stored is { } s && Key(s.Level, s.Index).CompareTo(Key(computed.Level, computed.Index)) < 0)
                {
                    Findings.Add(new TileFinding("unexpected", s.Level, s.Index, "a stored tile for no block of the recorded leaves"));
                    await NextAsync(ct);
                }
                if (_stored is { } match && match.Level == computed.Level && match.Index == computed.Index)
                {
                    Checked++;
                    if (!match.Hash.AsSpan().SequenceEqual(computed.Hash))
                    {
                        Findings.Add(new TileFinding("modified", match.Level, match.Index, "the stored tile hash differs from the one recomputed from the recorded leaves"));
                    }
                    await NextAsync(ct);
                }
                else
                {
                    Missing++;
                }
            }
        }

        /// <summary>Stored tiles past the last complete block of recorded leaves.</summary>
        public async Task FinishAsync(CancellationToken ct)
        {
            await CompareAsync(ct);
            await StartAsync(ct);
            while (_stored is { } s)
            {
                Findings.Add(new TileFinding("unexpected", s.Level, s.Index, "a stored tile beyond the recorded leaves"));
                await NextAsync(ct);
            }
        }

        public ValueTask DisposeAsync() => stored.DisposeAsync();

        private static (long, int) Key(int level, long index) => ((index + 1) << (MerkleTiles.DefaultHeight * level), level);

        private async Task StartAsync(CancellationToken ct)
        {
            if (!_started)
            {
                _started = true;
                await NextAsync(ct);
            }
        }

        private async Task NextAsync(CancellationToken ct) =>
            _stored = await stored.ReadAsync(ct) ? (stored.GetInt32(0), stored.GetInt64(1), (byte[])stored[2]) : null;
    }

    private static async Task<Recorded?> NextAsync(NpgsqlDataReader reader, CancellationToken ct) =>
        await reader.ReadAsync(ct)
            ? new Recorded(reader.GetInt64(0), reader.GetInt64(1), reader.GetGuid(2), (byte[])reader[3], (byte[])reader[4], reader.IsDBNull(5) ? null : (byte[])reader[5])
            : null;

    /// <summary>A streamed tree that remembers its root at the sizes asked for.</summary>
    private sealed class Tree
    {
        private readonly MerkleAccumulator _accumulator;
        private readonly HashSet<long> _wanted;
        private readonly Dictionary<long, byte[]> _roots;

        public Tree(IEnumerable<long> sizes, Action<long, long, byte[]>? subtreeCompleted)
        {
            _accumulator = new MerkleAccumulator { SubtreeCompleted = subtreeCompleted };
            _wanted = [.. sizes];
            _roots = new() { [0] = MerkleTree.EmptyRoot };
        }

        private Tree(MerkleAccumulator accumulator, HashSet<long> wanted, Dictionary<long, byte[]> roots)
        {
            _accumulator = accumulator;
            _wanted = wanted;
            _roots = roots;
        }

        /// <summary>The same leaves so far, growing on its own from now on (and telling no one of its subtrees).</summary>
        public Tree Clone() => new(_accumulator.Clone(), _wanted, new Dictionary<long, byte[]>(_roots));

        public void Add(byte[] leaf)
        {
            _accumulator.AddLeafHash(leaf);
            if (_wanted.Contains(_accumulator.Size))
            {
                _roots[_accumulator.Size] = _accumulator.Root();
            }
        }

        public byte[]? RootAt(long size) => _roots.GetValueOrDefault(size);

        public byte[] Root() => _accumulator.Root();
    }
}
