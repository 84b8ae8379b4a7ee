using MyGovernment.Domain.Oversight;
using MyGovernment.Projections.ServiceRequests;
using Npgsql;

namespace MyGovernment.Integrity;

/// <summary>
/// Report 11: the verify result (every event recomputed against its sealed leaf and the signed checkpoints) and
/// the read-model check, as findings. Read it first: the other reports are only as good as the log they read.
/// </summary>
public sealed class LogIntegrityReport(LogVerifier verifier, IntegrityDatabase db, ReadModelChecker readModels, IntegrityAlarm alarm)
{
    public const string Name = "log-integrity";

    /// <summary>How many differences the report lists per read model (the check itself covers every row).</summary>
    public const int ReadModelListed = 200;

    public static ReportDescriptor Descriptor { get; } = new(11, Name, "Log and read-model integrity",
        "The result of verify (docs/verifiable-history.md): each event modified, deleted, inserted or reordered since it was sealed ('event-modified', 'event-deleted', 'event-inserted', 'event-reordered'; a row with a seq_id of 0 or below is 'event-inserted'), each row after the sealed log without a valid application tag ('event-unauthenticated'; 'event-excluded' once an auditor resolved it), each checkpoint a configured witness's cosignature on is invalid, or the latest one it has not cosigned ('witness-cosignature'), each alarm this node's sealer raised (another signing key, a row it refuses, a witness's refusal: 'sealer-alarm'), each signed checkpoint whose signature or root no longer holds ('checkpoint-broken'); each stored tile hash (derived data the proofs read) that differs from the one recomputed from the recorded leaves or belongs to no block ('tile-differs'); and each read-model row (requests, payments, refunds, issued documents, catalog, calendar, reconciliations, ledger, access log) that is missing, extra, or differs from the row its projection recomputes from the events ('read-model-differs'; at most " + ReadModelListed + " listed per read model). Not filtered by department, service, officer or period: the log is one. No findings means the other reports read an untampered history.",
        ["event-modified", "event-deleted", "event-inserted", "event-reordered", "event-unauthenticated", "event-excluded", "sealer-alarm", "witness-cosignature", "checkpoint-broken", "tile-differs", "read-model-differs"]);

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
        var latest = report.Checkpoints.Count > 0 ? report.Checkpoints[^1].Id : (long?)null;
        foreach (var c in (report.Cosignatures ?? []).Where(c => c.Status == WitnessKey.Invalid || (c.Status == WitnessKey.Missing && c.CheckpointId == latest)))
        {
            findings.Add(new Finding(Name, "witness-cosignature", now, null, null, null, null,
                $"checkpoint {c.CheckpointId} (size {c.TreeSize}): the cosignature of witness {c.Witness} is {c.Status}", []));
        }
        foreach (var (kind, message) in alarm.Raised)
        {
            findings.Add(new Finding(Name, "sealer-alarm", now, null, null, null, null, $"{kind}: {message}", []));
        }
        foreach (var t in report.TileFindings ?? [])
        {
            findings.Add(new Finding(Name, "tile-differs", now, null, null, null, null, $"tile level {t.Level} index {t.Index}: {t.Kind}: {t.Detail}", []));
        }
        var check = await readModels.CheckAsync(null, ReadModelListed, ct);
        foreach (var (d, rowIsStream) in check.ReadModels.SelectMany(r => r.Differences.Select(d => (d, r.RowsAreStreams))))
        {
            // Field values may hold an applicant's form or a citizen's id: the finding names the row and the fields only.
            var requestId = d.ReadModel == nameof(ServiceRequestDetails) && Guid.TryParse(d.Id, out var id) ? id : (Guid?)null;
            var fields = d.Fields.Count > 0 ? " (" + string.Join(", ", d.Fields.Select(f => f.Path)) + ")" : "";
            findings.Add(new Finding(Name, "read-model-differs", now, null, null, null, requestId, $"{d.ReadModel} {d.Id}: {d.Problem}{fields}",
                rowIsStream && Guid.TryParse(d.Id, out var stream) ? [new Evidence(stream, 0, 0, d.ReadModel)] : []));
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
