using Marten;
using MyGovernment.Api.Audit;
using MyGovernment.Domain.Oversight;
using Npgsql;

namespace MyGovernment.Api.Oversight;

/// <summary>
/// Report 11: the verify result (every event recomputed against its sealed leaf and the signed checkpoints) and
/// the read-model check, as findings. Read it first: the other reports are only as good as the log they read.
/// </summary>
public sealed class LogIntegrityReport(LogVerifier verifier, IntegrityDatabase db, IDocumentStore store)
{
    public const string Name = "log-integrity";

    /// <summary>How many of the latest request read models the report folds afresh and compares.</summary>
    public const int ReadModelSample = 200;

    public static ReportDescriptor Descriptor { get; } = new(11, Name, "Log and read-model integrity",
        "The result of verify (docs/verifiable-history.md): each event modified, deleted, inserted or reordered since it was sealed ('event-modified', 'event-deleted', 'event-inserted', 'event-reordered'), each signed checkpoint whose signature or root no longer holds ('checkpoint-broken'); and each of the latest " + ReadModelSample + " request read models that differs from a fresh fold of its stream ('read-model-differs'). Not filtered by department, service, officer or period: the log is one. No findings means the other reports read an untampered history.",
        ["event-modified", "event-deleted", "event-inserted", "event-reordered", "checkpoint-broken", "read-model-differs"]);

    public async Task<IReadOnlyList<Finding>> FindAsync(DateTimeOffset now, CancellationToken ct)
    {
        var report = await verifier.VerifyAsync(ct);
        var located = await LocateAsync(report.Findings.Select(f => f.Seq).ToArray(), ct);
        var findings = new List<Finding>();
        foreach (var f in report.Findings)
        {
            var evidence = located.TryGetValue(f.Seq, out var at) ? at : new Evidence(Guid.Empty, f.Seq, 0, "missing");
            findings.Add(new Finding(Name, "event-" + f.Kind, now, null, null, null, null, $"event {f.EventId} at seq {f.Seq}: {f.Detail}", [evidence]));
        }
        foreach (var c in report.Checkpoints.Where(c => !(c.SignatureValid && c.MatchesRecordedLeaves && c.MatchesEvents)))
        {
            findings.Add(new Finding(Name, "checkpoint-broken", now, null, null, null, null,
                $"checkpoint {c.Id} (size {c.TreeSize}, {c.Time:u}): signature {(c.SignatureValid ? "valid" : "INVALID")}, recorded leaves {(c.MatchesRecordedLeaves ? "match" : "DIFFER")}, events {(c.MatchesEvents ? "match" : "DIFFER")}. {report.CheckpointSummary}",
                []));
        }
        await using var session = store.QuerySession();
        var check = await ReadModelCheckEndpoint.CheckServiceRequestDetailsAsync(session, ReadModelSample, ct);
        foreach (var d in check.Differences)
        {
            // The stored and folded documents hold the applicant's form: the finding names the request only.
            findings.Add(new Finding(Name, "read-model-differs", now, null, null, null, d.Id, $"{check.Projection} {d.Id}: {d.Problem}",
                [new Evidence(d.Id, 0, 0, check.Projection)]));
        }
        return findings;
    }

    private async Task<Dictionary<long, Evidence>> LocateAsync(long[] seqs, CancellationToken ct)
    {
        var found = new Dictionary<long, Evidence>();
        if (seqs.Length == 0)
        {
            return found;
        }
        await using var connection = await db.OpenAsync(ct);
        await using var command = new NpgsqlCommand($"select seq_id, stream_id, version, type from {db.Schema}.mt_events where seq_id = any(@seqs)", connection);
        command.Parameters.AddWithValue("seqs", seqs);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            found[reader.GetInt64(0)] = new Evidence(reader.GetGuid(1), reader.GetInt64(0), reader.GetInt64(2), reader.GetString(3));
        }
        return found;
    }
}
