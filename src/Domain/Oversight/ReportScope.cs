namespace MyGovernment.Domain.Oversight;

/// <summary>
/// The filter of a report run: a half-open period [From, To) on the finding's time, and exact (case-insensitive)
/// department, service and officer. <see cref="AsOf"/> is the instant open matters (stalls, open SLA clocks) are
/// judged at: the end of the period, or now when the period is open or ends in the future.
/// </summary>
public sealed record ReportScope(DateTimeOffset? From, DateTimeOffset? To, string? Department, string? Service, string? Officer, DateTimeOffset Now)
{
    public static ReportScope Everything(DateTimeOffset now) => new(null, null, null, null, null, now);

    public DateTimeOffset AsOf => To is { } to && to < Now ? to : Now;

    public bool InPeriod(DateTimeOffset at) => (From is null || at >= From) && (To is null || at < To);

    public bool Matches(Finding finding) =>
        InPeriod(finding.At)
        && Same(Department, finding.Department)
        && Same(Service, finding.Service)
        && Same(Officer, finding.Officer);

    /// <summary>Narrows a population (e.g. the decisions outliers are measured on) by period, department and service, not by officer.</summary>
    public bool Samples(DateTimeOffset at, string? department, string? service) =>
        InPeriod(at) && Same(Department, department) && Same(Service, service);

    private static bool Same(string? wanted, string? actual) =>
        wanted is null || string.Equals(wanted, actual, StringComparison.OrdinalIgnoreCase);
}
