namespace MyGovernment.Simulator;

/// <summary>What to simulate. Every violation kind is named after the report that must find it.</summary>
public sealed record SimulationOptions
{
    public static readonly IReadOnlyList<string> ViolationKinds =
    [
        "segregation-of-duties", "self-dealing", "queue-jumping", "sla-breaches", "fee-discrepancies", "refund-anomalies",
        "approval-rate-outliers", "after-hours-decisions", "browsing-without-purpose", "orphaned-money", "log-integrity",
    ];

    public int Requests { get; init; } = 500;

    public int Departments { get; init; } = 4;

    public int OfficersPerDepartment { get; init; } = 6;

    /// <summary>Calendar days of the simulated period; submissions fall in its first 60 %.</summary>
    public int Days { get; init; } = 42;

    /// <summary>Last day of the period (local); default: a week before today, so the period is over when reports run.</summary>
    public DateOnly? End { get; init; }

    public int Seed { get; init; } = 20260101;

    /// <summary>Prefix of every department, service and officer code, so several simulations can share a database.</summary>
    public string Prefix { get; init; } = "SIM";

    public IReadOnlySet<string> Violations { get; init; } = new HashSet<string>();

    public double ApprovalRate { get; init; } = 0.7;

    /// <summary>Decisions the planted outlier needs (the report's minimum sample plus a margin).</summary>
    public int OutlierMinimumDecisions { get; init; } = 20;

    public static IReadOnlySet<string> ParseViolations(string? text) =>
        string.IsNullOrWhiteSpace(text) || text == "none" ? new HashSet<string>()
        : text == "all" ? ViolationKinds.ToHashSet()
        : text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(v =>
            ViolationKinds.Contains(v) ? v : throw new ArgumentException($"Unknown violation '{v}'. Known: all, none, {string.Join(", ", ViolationKinds)}")).ToHashSet();
}
