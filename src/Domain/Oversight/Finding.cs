namespace MyGovernment.Domain.Oversight;

/// <summary>One stored event that proves a finding: its stream, its global sequence number and its stream version.</summary>
public sealed record Evidence(Guid StreamId, long Sequence, long Version, string EventType);

/// <summary>
/// A fact an oversight body should look at. <see cref="Rule"/> names the rule that fired (stable, documented in
/// docs/integrity-reports.md); <see cref="Evidence"/> lists every event it rests on, so an auditor can follow it to
/// the stream. No personal data: officers by subject, requests by id, never an applicant's national ID or form.
/// </summary>
public sealed record Finding(
    string Report,
    string Rule,
    DateTimeOffset At,
    string? Officer,
    string? Department,
    string? Service,
    Guid? RequestId,
    string Summary,
    IReadOnlyList<Evidence> Evidence);
