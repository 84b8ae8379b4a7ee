using System.Diagnostics;
using MyGovernment.Domain.Integrity;
using Npgsql;

namespace MyGovernment.Api.Audit;

/// <summary>One discrepancy: kind is modified, deleted, inserted or reordered; detail says what (data or metadata, from where to where).</summary>
public sealed record VerifyFinding(string Kind, long Seq, Guid EventId, string Detail);

public sealed record CheckpointCheck(long Id, long TreeSize, DateTimeOffset Time, bool SignatureValid, bool MatchesRecordedLeaves, bool MatchesEvents);

public sealed record VerifyReport(
    bool Ok, long EventsChecked, long SealedLeaves, long UnsealedEvents, string CurrentRoot, IReadOnlyList<VerifyFinding> Findings,
    IReadOnlyList<CheckpointCheck> Checkpoints, string? CheckpointSummary, double Seconds, double EventsPerSecond);

/// <summary>
/// Recomputes every leaf from mt_events and compares, in one streaming pass, (1) each recomputed leaf with the
/// leaf recorded when the event was sealed, naming the event that changed, and (2) the roots of both the
/// recorded leaves and the current events at every checkpoint size with the signed checkpoint root. Someone
/// who rewrites events and recorded leaves alike passes (1) and fails (2) without the signing key.
/// Memory: O(log n) per tree plus the discrepancies found.
/// </summary>
public sealed class LogVerifier(IntegrityDatabase db, IntegrityLog log, CheckpointKey key)
{
    private sealed record Recorded(long Index, long Seq, Guid Id, byte[] Leaf, byte[] DataHash);

    /// <param name="keptNotes">
    /// Signed checkpoint notes the auditor kept outside the system (from GET /api/audit/checkpoints). When given,
    /// the log is checked against these instead of the stored ones, so deleting or rewriting stored checkpoints
    /// cannot hide a change. A kept note that does not parse counts as a checkpoint with an invalid signature.
    /// </param>
    public async Task<VerifyReport> VerifyAsync(CancellationToken ct, IReadOnlyList<string>? keptNotes = null)
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
        await using var recordedReader = await RecordedAsync(leaves, ct);
        var current = EventRows.ReadAsync(events, db.Schema, 0, null, ct).GetAsyncEnumerator(ct);

        var findings = new List<VerifyFinding>();
        var unmatchedRecorded = new Dictionary<Guid, Recorded>();
        var unmatchedCurrent = new Dictionary<Guid, EventLeaf>();
        var recordedTree = new Tree(signed.Select(s => s.Note?.TreeSize ?? s.Row.TreeSize));
        var currentTree = new Tree(signed.Select(s => s.Note?.TreeSize ?? s.Row.TreeSize));
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
                unmatchedRecorded[r.Id] = r;
                Advance(r);
                r = await NextAsync(recordedReader, ct);
                continue;
            }
            var leaf = c!.LeafHash();
            checkedEvents++;
            currentTree.Add(leaf);
            if (r is not null && r.Seq == c.Sequence)
            {
                if (r.Id != c.Id)
                {
                    unmatchedRecorded[r.Id] = r;
                    unmatchedCurrent[c.Id] = c;
                }
                else if (!r.Leaf.AsSpan().SequenceEqual(leaf))
                {
                    var what = r.DataHash.AsSpan().SequenceEqual(c.DataHash()) ? "metadata" : "data";
                    findings.Add(new VerifyFinding("modified", c.Sequence, c.Id, $"the event's {what} changed after it was sealed"));
                }
                Advance(r);
                r = await NextAsync(recordedReader, ct);
            }
            else if (r is not null || c.Sequence <= lastSealedSeq)
            {
                unmatchedCurrent[c.Id] = c;
            }
            else
            {
                unsealed++;
            }
            hasCurrent = await current.MoveNextAsync();
        }
        await current.DisposeAsync();

        foreach (var (id, rec) in unmatchedRecorded)
        {
            findings.Add(unmatchedCurrent.Remove(id, out var moved)
                ? new VerifyFinding("reordered", moved.Sequence, id, $"sealed at seq {rec.Seq}, now at seq {moved.Sequence}")
                : new VerifyFinding("deleted", rec.Seq, id, $"sealed at seq {rec.Seq} (leaf {rec.Index}), no longer in mt_events"));
        }
        findings.AddRange(unmatchedCurrent.Values.Select(c => new VerifyFinding("inserted", c.Sequence, c.Id, "in mt_events among sealed events but never sealed")));
        findings.Sort((a, b) => a.Seq.CompareTo(b.Seq));

        var checks = signed.Select(s =>
        {
            var size = s.Note?.TreeSize ?? s.Row.TreeSize;
            return new CheckpointCheck(s.Row.Id, size, s.Row.IssuedAt, s.Note is not null,
                s.Note is not null && recordedTree.RootAt(size) is { } rr && rr.AsSpan().SequenceEqual(s.Note.RootHash),
                s.Note is not null && currentTree.RootAt(size) is { } cr && cr.AsSpan().SequenceEqual(s.Note.RootHash));
        }).ToList();
        var seconds = clock.Elapsed.TotalSeconds;
        return new VerifyReport(
            findings.Count == 0 && checks.All(x => x.SignatureValid && x.MatchesRecordedLeaves && x.MatchesEvents),
            checkedEvents, sealedLeaves, unsealed, Convert.ToBase64String(currentTree.Root()), findings, checks, Summarize(checks, seqOfLeaf),
            seconds, seconds > 0 ? checkedEvents / seconds : 0);

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
            $"select leaf_index, seq_id, event_id, leaf_hash, data_hash from {db.Schema}.{IntegritySchema.Leaves} order by leaf_index", connection);
        return await command.ExecuteReaderAsync(ct);
    }

    private static async Task<Recorded?> NextAsync(NpgsqlDataReader reader, CancellationToken ct) =>
        await reader.ReadAsync(ct)
            ? new Recorded(reader.GetInt64(0), reader.GetInt64(1), reader.GetGuid(2), (byte[])reader[3], (byte[])reader[4])
            : null;

    /// <summary>A streamed tree that remembers its root at the sizes asked for.</summary>
    private sealed class Tree(IEnumerable<long> sizes)
    {
        private readonly MerkleAccumulator _accumulator = new();
        private readonly HashSet<long> _wanted = [.. sizes];
        private readonly Dictionary<long, byte[]> _roots = new() { [0] = MerkleTree.EmptyRoot };

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
