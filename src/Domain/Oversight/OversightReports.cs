namespace MyGovernment.Domain.Oversight;

/// <summary>
/// The event-based reports of DESIGN §8, in report order. Report 11 (log and read-model integrity) runs over the
/// database itself and lives in the Api.
/// </summary>
public static class OversightReports
{
    public static IReadOnlyList<IOversightReport> All { get; } =
    [
        new SegregationOfDutiesReport(),
        new SelfDealingReport(),
        new QueueJumpingReport(),
        new SlaReport(),
        new FeeDiscrepancyReport(),
        new RefundAnomalyReport(),
        new ApprovalRateOutlierReport(),
        new AfterHoursDecisionsReport(),
        new BrowsingWithoutPurposeReport(),
        new OrphanedMoneyReport(),
        new RequiredDocumentsReport(),
    ];

    public static IOversightReport? Named(string name) =>
        All.FirstOrDefault(r => string.Equals(r.Descriptor.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Runs one report and applies the scope: the findings in time order.</summary>
    public static IReadOnlyList<Finding> Run(IOversightReport report, OversightData data, OversightSettings settings, ReportScope scope) =>
        [.. report.Find(data, settings, scope).Where(scope.Matches).OrderBy(f => f.At).ThenBy(f => f.Evidence.Count > 0 ? f.Evidence[0].Sequence : 0)];
}
