using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using MyGovernment.Api.Identity;
using MyGovernment.Application.Oversight;
using MyGovernment.Domain.Oversight;
using MyGovernment.Integrity;
using Wolverine.Http;

namespace MyGovernment.Api.Oversight;

public sealed record ReportCatalog(IReadOnlyList<ReportDescriptor> Reports, OversightSettings Settings);

public sealed record ReportScopeView(DateTimeOffset? From, DateTimeOffset? To, string? Department, string? Service, string? Officer, DateTimeOffset AsOf);

public sealed record CountBy(string Key, int Count);

/// <summary>A finding plus where an auditor follows it: the request's timeline and each cited stream's events.</summary>
public sealed record FindingView(
    string Rule, DateTimeOffset At, string? Officer, string? Department, string? Service, Guid? RequestId, string Summary,
    IReadOnlyList<Evidence> Evidence, string? Timeline, IReadOnlyList<string> Streams);

public sealed record ReportResult(
    ReportDescriptor Report, ReportScopeView Scope, int Count, IReadOnlyList<CountBy> ByRule, IReadOnlyList<CountBy> ByOfficer,
    IReadOnlyList<CountBy> ByDepartment, IReadOnlyList<FindingView> Findings);

public static class OversightReportEndpoints
{
    public const string Readers = Roles.Oversight + "," + Roles.Auditor;

    [Authorize(Roles = Readers)]
    [WolverineGet("/api/oversight/reports", OperationId = "ListOversightReports")]
    [EndpointSummary("List the integrity reports")]
    [EndpointDescription("Every integrity report of DESIGN §8 with its number, name, written definition and the rules it can fire; and the thresholds in force.")]
    [Tags("Oversight")]
    public static ReportCatalog List(IOptions<OversightSettings> settings) =>
        new([.. OversightReports.All.Select(r => r.Descriptor).Append(LogIntegrityReport.Descriptor).OrderBy(d => d.Number)], settings.Value);

    [Authorize(Roles = Readers)]
    [WolverineGet("/api/oversight/reports/{name}", OperationId = "RunOversightReport")]
    [EndpointSummary("Run an integrity report")]
    [EndpointDescription("Computes one report from the events: findings with the rule that fired and the stream ids and sequence numbers that prove each, plus counts by rule, officer and department. Filters: period [from, to) on the finding's time, department, service, officer. format=csv answers text/csv. No applicant identities or form data: requests are named by id, officers by subject.")]
    [Tags("Oversight")]
    public static async Task<Results<Ok<ReportResult>, FileContentHttpResult, ProblemHttpResult>> Run(
        string name, DateTimeOffset? from, DateTimeOffset? to, string? department, string? service, string? officer, string? format,
        OversightEventSource source, LogIntegrityReport integrity, IOptions<OversightSettings> settings, TimeProvider clock, CancellationToken ct)
    {
        if (from is not null && to is not null && from >= to)
        {
            return Problem(400, "invalid_period", "'from' must be before 'to'.");
        }
        if (format is not (null or "json" or "csv"))
        {
            return Problem(400, "invalid_format", "'format' is 'json' or 'csv'.");
        }
        var scope = new ReportScope(from, to, Blank(department), Blank(service), Blank(officer), clock.GetUtcNow());
        ReportDescriptor descriptor;
        IReadOnlyList<Finding> findings;
        if (string.Equals(name, LogIntegrityReport.Name, StringComparison.OrdinalIgnoreCase))
        {
            descriptor = LogIntegrityReport.Descriptor;
            findings = await integrity.FindAsync(scope.Now, ct);
        }
        else if (OversightReports.Named(name) is { } report)
        {
            descriptor = report.Descriptor;
            findings = OversightReports.Run(report, await source.LoadAsync(ct), settings.Value, scope);
        }
        else
        {
            return Problem(404, "unknown_report", $"No report named '{name}'. GET /api/oversight/reports lists them.");
        }

        if (format == "csv")
        {
            return TypedResults.File(FindingCsv.Write(findings), "text/csv", $"{descriptor.Name}.csv");
        }
        return TypedResults.Ok(new ReportResult(
            descriptor,
            new ReportScopeView(scope.From, scope.To, scope.Department, scope.Service, scope.Officer, scope.AsOf),
            findings.Count,
            Count(findings, f => f.Rule), Count(findings, f => f.Officer), Count(findings, f => f.Department),
            [.. findings.Select(View)]));
    }

    private static FindingView View(Finding f) => new(
        f.Rule, f.At, f.Officer, f.Department, f.Service, f.RequestId, f.Summary, f.Evidence,
        f.RequestId is { } id ? $"/api/service-requests/{id}/timeline" : null,
        [.. f.Evidence.Select(e => e.StreamId).Where(s => s != Guid.Empty).Distinct().Select(s => $"/api/audit/streams/{s}/events")]);

    private static IReadOnlyList<CountBy> Count(IEnumerable<Finding> findings, Func<Finding, string?> key) =>
        [.. findings.Where(f => key(f) is not null).GroupBy(f => key(f)!).Select(g => new CountBy(g.Key, g.Count())).OrderByDescending(c => c.Count).ThenBy(c => c.Key, StringComparer.Ordinal)];

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static ProblemHttpResult Problem(int status, string code, string detail) =>
        TypedResults.Problem(detail: detail, statusCode: status, extensions: new Dictionary<string, object?> { ["code"] = code });
}
