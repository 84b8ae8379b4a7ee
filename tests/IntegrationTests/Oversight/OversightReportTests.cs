using System.Text.Json;
using System.Text.RegularExpressions;
using Alba;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MyGovernment.Api.Identity;
using MyGovernment.Api.Oversight;
using MyGovernment.Application.Oversight;
using MyGovernment.Domain.Oversight;
using MyGovernment.Domain.Reconciliation;
using MyGovernment.Domain.ServiceRequests;
using MyGovernment.IntegrationTests.Support;
using MyGovernment.Integrity;
using Shouldly;

namespace MyGovernment.IntegrationTests.Oversight;

/// <summary>
/// Every report over a simulated office: each planted violation is found, by its rule, citing events that exist
/// at the cited stream and sequence; the clean office's activity produces no finding at all.
/// </summary>
public sealed partial class OversightReportTests(SimulatedOffice office) : IClassFixture<SimulatedOffice>
{
    public static TheoryData<string> Reports { get; } = [.. OversightReports.All.Select(r => r.Descriptor.Name)];

    /// <summary>Event types a planted violation's evidence must include, by rule.</summary>
    private static readonly Dictionary<string, string[]> ExpectedEvidence = new()
    {
        ["maker-checker"] = ["DecisionProposed", "RequestApproved"],
        ["acted-on-own-request"] = ["RequestAssigned", "RequestApproved", "DocumentIssued"],
        ["taken-ahead"] = ["StepEntered", "RequestAssigned"],
        ["sla-breached"] = ["SlaClockStarted", "RequestRejected"],
        ["stalled"] = ["RequestAssigned"],
        ["issued-without-full-payment"] = ["FeeAssessed", "PaymentConfirmed", "DocumentIssued"],
        ["approval-rate-high"] = ["RequestApproved"],
        ["outside-working-hours"] = [],
        ["non-working-day"] = [],
        ["no-assignment"] = ["CitizenDataViewed", "ServiceRequestSubmitted"],
        ["event-modified"] = [],
        ["refund-request-approve"] = ["RefundRequested", "RefundApproved"],
        ["net-paid-differs-from-fee"] = ["FeeAssessed", "PaymentSucceeded", "DocumentIssued"],
        ["paid-but-unserved"] = ["PaymentSucceeded", "RequestRejected"],
        ["refund-on-issued-request"] = ["FeeAssessed", "DocumentIssued", "RefundRequested", "RefundSucceeded"],
        ["repeated-partial-refunds"] = ["RefundSucceeded"],
        ["refund-exceeds-captured"] = ["PaymentSucceeded", "RefundSucceeded"],
        ["refund-rate-high"] = ["RefundSucceeded"],
        ["refund-amount-high"] = ["RefundSucceeded"],
        ["status-unknown"] = ["PaymentCreated", "PaymentStatusUnknown"],
        ["authorised-too-long"] = ["PaymentCreated", "PaymentAuthorised"],
        ["settled-not-reconciled"] = ["PaymentSettled"],
        ["amount-mismatch"] = ["StatementReconciled", "PaymentReconciliationFlagged"],
        ["missing-in-system"] = ["StatementReconciled"],
    };

    [Fact]
    public void The_simulation_ran_every_command_and_planted_every_violation()
    {
        office.Clean.Run.Failures.ShouldBe(0, string.Join("\n", office.Clean.Run.FailureSamples));
        office.Violations.Run.Failures.ShouldBe(0, string.Join("\n", office.Violations.Run.FailureSamples));
        office.Clean.Requests.ShouldBe(60);
        TestContext.Current.SendDiagnosticMessage(
            $"clean {office.Clean.Run.Commands} commands in {office.Clean.Run.Seconds:0.0} s, violations {office.Violations.Run.Commands} in {office.Violations.Run.Seconds:0.0} s");
        office.Violations.Planted.ShouldNotContain(p => p.Rule == "not-planted", string.Join("; ", office.Violations.Planted));
        office.Violations.Planted.Select(p => p.Report).Distinct().Count().ShouldBe(11);
        // The plans of SimulationPlanDatesTests use these thresholds without a host.
        office.Host.Services.GetRequiredService<IOptions<OversightSettings>>().Value.ShouldBeEquivalentTo(SimulatedOffice.Settings());
    }

    [Theory]
    [MemberData(nameof(Reports))]
    public async Task Clean_simulated_activity_produces_no_finding(string report)
    {
        var result = await office.ReportAsync(report);
        result.Findings.Where(f => IsClean(f.Department) || IsClean(f.Service) || (f.Officer?.StartsWith("clean-", StringComparison.Ordinal) ?? false))
            .ShouldBeEmpty();
    }

    /// <summary>So that "no finding" above means something for the money reports: the clean office moved money.</summary>
    [Fact]
    public async Task Clean_activity_refunds_rejections_and_overpayments_and_reconciles_every_capture()
    {
        var data = await office.Host.Services.GetRequiredService<OversightEventSource>().LoadAsync(TestContext.Current.CancellationToken);
        var payments = data.Payments.Where(p => IsClean(data.PlaceOf(p.PaymentId).Service)).ToList();
        var captured = payments.Where(p => p.Capture is not null).ToList();
        captured.Count.ShouldBeGreaterThan(50);
        captured.ShouldAllBe(p => p.Events.Any(e => e.Data is PaymentReconciled));
        var refunded = captured.Where(p => data.RefundsOf(p).Count > 0).ToList();
        refunded.Count.ShouldBeGreaterThan(5);
        refunded.Select(p => data.RefundsOf(p)[0].RequestedBy!.Subject).Distinct().Count().ShouldBe(3);
        // Paid twice: the duplicate refunded, so a served request keeps exactly its fee (a rejected one nothing).
        var overpaid = captured.GroupBy(p => p.RequestId!.Value).Where(g => g.Count() == 2).Select(g => data.ById[g.Key]).ToList();
        overpaid.ShouldContain(r => r.Events.Any(e => e.Data is DocumentIssued));
        foreach (var request in overpaid)
        {
            var fee = request.Events.Select(e => e.Data).OfType<FeeAssessed>().Last().Total;
            data.MoneyOf(request).KeptAt(DateTimeOffset.MaxValue, fee.Currency).ShouldBe(request.Events.Any(e => e.Data is DocumentIssued) ? fee.Amount : 0m);
        }
    }

    [Fact]
    public void The_clean_log_verified_before_the_planted_edit()
    {
        office.CleanIntegrity.Count.ShouldBe(0, string.Join("; ", office.CleanIntegrity.Findings.Select(f => f.Summary)));
    }

    [Fact]
    public async Task Every_planted_violation_is_found_with_evidence_that_exists_where_it_is_cited()
    {
        var auditor = office.Token(Roles.Auditor);
        foreach (var planted in office.Violations.Planted)
        {
            var result = await office.ReportAsync(planted.Report, role: Roles.Auditor);
            var finding = result.Findings.FirstOrDefault(f => f.Rule == planted.Rule
                && (planted.RequestId is null || f.RequestId == planted.RequestId || f.Evidence.Any(e => e.StreamId == planted.RequestId))
                && (planted.Officer is null || f.Officer == planted.Officer));
            finding.ShouldNotBeNull($"{planted} not found among {result.Count} finding(s): {string.Join("; ", result.Findings.Select(f => $"{f.Rule} {f.Officer} {f.RequestId}"))}");
            finding.Evidence.ShouldNotBeEmpty(planted.ToString());
            foreach (var type in ExpectedEvidence[planted.Rule])
            {
                finding.Evidence.Select(e => e.EventType).ShouldContain(type, planted.ToString());
            }
            foreach (var evidence in finding.Evidence)
            {
                var events = await office.Host.Scenario(s => s.As(auditor).Get.Url($"/api/audit/streams/{evidence.StreamId}/events"));
                var body = await events.ReadAsTextAsync();
                body.ShouldContain($"\"seq\":{evidence.Sequence},", Case.Sensitive, $"{planted.Rule}: seq {evidence.Sequence} is not in stream {evidence.StreamId}");
            }
            if (finding.RequestId is { } id && planted.Report != LogIntegrityReport.Name)
            {
                finding.Timeline.ShouldBe($"/api/service-requests/{id}/timeline");
            }
        }
    }

    [Fact]
    public async Task The_planted_log_edit_is_named_by_the_log_integrity_report()
    {
        var result = await office.ReportAsync(LogIntegrityReport.Name);
        var planted = office.Violations.Planted.Single(p => p.Report == LogIntegrityReport.Name);
        var finding = result.Findings.Where(f => f.Rule == "event-modified").ShouldHaveSingleItem();
        finding.Summary.ShouldContain("data changed");
        finding.Evidence.ShouldHaveSingleItem().StreamId.ShouldBe(planted.RequestId!.Value);
        // The checkpoint signed before the edit no longer matches the events: named too. The edited stream and the
        // streams the planted violations appended to bypassing the handlers are also named by the read-model check.
        var bypassed = office.Violations.Planted.Where(p => p.Report is "self-dealing" or "fee-discrepancies" or "segregation-of-duties" or "log-integrity").Select(p => p.RequestId).ToList();
        result.Findings.Where(f => f.Rule != "event-modified")
            .ShouldAllBe(f => f.Rule == "checkpoint-broken" || (f.Rule == "read-model-differs" && bypassed.Contains(f.RequestId)));
        result.Findings.ShouldContain(f => f.Rule == "checkpoint-broken");
    }

    [Fact]
    public async Task Filters_narrow_findings_by_officer_department_service_and_period()
    {
        var all = await office.ReportAsync("after-hours-decisions");
        var planted = office.Violations.Planted.First(p => p.Rule == "outside-working-hours");
        var one = all.Findings.First(f => f.RequestId == planted.RequestId);

        (await office.ReportAsync("after-hours-decisions", $"officer={one.Officer}")).Findings.ShouldAllBe(f => f.Officer == one.Officer);
        (await office.ReportAsync("after-hours-decisions", $"department={one.Department}")).Findings.ShouldAllBe(f => f.Department == one.Department);
        (await office.ReportAsync("after-hours-decisions", $"service={one.Service}")).Findings.ShouldContain(f => f.RequestId == one.RequestId);
        var around = $"from={Uri.EscapeDataString(one.At.AddMinutes(-1).ToString("O"))}&to={Uri.EscapeDataString(one.At.AddMinutes(1).ToString("O"))}";
        (await office.ReportAsync("after-hours-decisions", around)).Findings.ShouldContain(f => f.RequestId == one.RequestId);
        var before = $"to={Uri.EscapeDataString(one.At.ToString("O"))}";
        (await office.ReportAsync("after-hours-decisions", before)).Findings.ShouldNotContain(f => f.RequestId == one.RequestId);
        (await office.ReportAsync("after-hours-decisions", "department=NO-SUCH-DEPT")).Count.ShouldBe(0);
    }

    [Fact]
    public async Task Csv_export_has_a_header_and_one_row_per_finding_with_its_evidence()
    {
        var json = await office.ReportAsync("self-dealing");
        var result = await office.Host.Scenario(s =>
        {
            s.As(office.Token(Roles.Oversight)).Get.Url("/api/oversight/reports/self-dealing?format=csv");
            s.StatusCodeShouldBeOk();
            s.ContentTypeShouldBe("text/csv");
        });
        var lines = (await result.ReadAsTextAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        lines[0].ShouldBe(string.Join(',', FindingCsv.Header));
        lines.Count.ShouldBe(json.Count + 1);
        var finding = json.Findings[0];
        lines.ShouldContain(l => l.Contains(finding.RequestId!.Value.ToString(), StringComparison.Ordinal)
            && l.Contains($"{finding.Evidence[0].StreamId}:{finding.Evidence[0].Sequence}:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reports_carry_no_national_ids_and_no_form_data()
    {
        foreach (var report in OversightReports.All.Select(r => r.Descriptor.Name).Append(LogIntegrityReport.Name))
        {
            var result = await office.Host.Scenario(s => s.As(office.Token(Roles.Oversight)).Get.Url($"/api/oversight/reports/{report}"));
            var body = await result.ReadAsTextAsync();
            NineDigits().IsMatch(body).ShouldBeFalse($"{report} shows something like a national ID");
            body.ShouldNotContain("applicantId", Case.Insensitive);
            body.ShouldNotContain("nationalId", Case.Insensitive);
            body.ShouldNotContain("\"form\"", Case.Insensitive);
        }
    }

    [Fact]
    public async Task The_catalog_lists_every_report_with_its_definition()
    {
        var result = await office.Host.Scenario(s => s.As(office.Token(Roles.Auditor)).Get.Url("/api/oversight/reports"));
        var catalog = (await result.ReadAsJsonAsync<ReportCatalog>())!;
        catalog.Reports.Select(r => r.Number).ShouldBe([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
        catalog.Reports.ShouldAllBe(r => r.Definition.Length > 80 && r.Rules.Count > 0);
        catalog.Settings.StallWorkingDays.ShouldBe(5);
    }

    [Fact]
    public async Task Bad_parameters_are_problems_not_errors()
    {
        await Problem("/api/oversight/reports/no-such-report", 404, "unknown_report");
        await Problem("/api/oversight/reports/self-dealing?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z", 400, "invalid_period");
        await Problem("/api/oversight/reports/self-dealing?format=xml", 400, "invalid_format");
        await office.Host.Scenario(s =>
        {
            s.As(office.Token(Roles.Oversight)).Get.Url("/api/oversight/reports/self-dealing?from=yesterday");
            s.StatusCodeShouldBe(400);
        });
    }

    private async Task Problem(string url, int status, string code)
    {
        var result = await office.Host.Scenario(s =>
        {
            s.As(office.Token(Roles.Oversight)).Get.Url(url);
            s.StatusCodeShouldBe(status);
            s.ContentTypeShouldBe("application/problem+json");
        });
        JsonDocument.Parse(await result.ReadAsTextAsync()).RootElement.GetProperty("code").GetString().ShouldBe(code);
    }

    private static bool IsClean(string? code) => code?.StartsWith("CLEAN-", StringComparison.Ordinal) ?? false;

    [GeneratedRegex(@"(?<![0-9a-f-])\d{9}(?![0-9a-f-])")]
    private static partial Regex NineDigits();
}
