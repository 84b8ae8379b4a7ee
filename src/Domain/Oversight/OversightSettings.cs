namespace MyGovernment.Domain.Oversight;

/// <summary>
/// Thresholds of the integrity reports (configuration section "Oversight"). Defaults are documented in
/// docs/integrity-reports.md; each report says which ones it uses.
/// </summary>
public sealed class OversightSettings
{
    /// <summary>Report 4: an open request with no event for more than this many working days is stalled.</summary>
    public int StallWorkingDays { get; set; } = 5;

    /// <summary>Report 3: eligibility times closer than this are treated as simultaneous (no inversion).</summary>
    public TimeSpan QueueTolerance { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Report 7: an officer needs at least this many decisions on a service in the period to be measured.</summary>
    public int OutlierMinimumDecisions { get; set; } = 20;

    /// <summary>Report 7: the officer's peers (same service, period) need at least this many decisions together.</summary>
    public int OutlierMinimumPeerDecisions { get; set; } = 20;

    /// <summary>Report 7: the z of the Wilson score interval (3 ≈ 99.7 %): the peers' rate outside it is an outlier.</summary>
    public double OutlierZ { get; set; } = 3.0;

    /// <summary>
    /// Report 8: the working week (Palestine local time), day names separated by commas; public holidays come from the
    /// catalog calendar. A string, because configuration binding appends to a list instead of replacing it.
    /// </summary>
    public string WorkingWeek { get; set; } = "Sunday,Monday,Tuesday,Wednesday,Thursday";

    public IReadOnlySet<DayOfWeek> WorkingDays =>
        WorkingWeek.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => Enum.Parse<DayOfWeek>(d, ignoreCase: true)).ToHashSet();

    /// <summary>Report 8: working hours start (inclusive), local time.</summary>
    public TimeOnly WorkdayStart { get; set; } = new(8, 0);

    /// <summary>Report 8: working hours end (exclusive), local time.</summary>
    public TimeOnly WorkdayEnd { get; set; } = new(15, 0);

    /// <summary>Report 9: acting on the request this long before or after a view gives the view its purpose.</summary>
    public TimeSpan ViewPurposeWindow { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Report 9: supervisors may read any request at their department's step (they assign and confirm).</summary>
    public bool SupervisorViewsHavePurpose { get; set; } = true;

    /// <summary>
    /// Report 5, paid-but-unserved: working days after a request ended without being served (rejected, withdrawn,
    /// abandoned) within which its money must have been refunded. More is a finding.
    /// </summary>
    public int UnservedRefundWorkingDays { get; set; } = 20;

    /// <summary>Report 5, paid-but-unserved: working days after the first capture a paid request may stay open and unserved.</summary>
    public int UnservedOpenWorkingDays { get; set; } = 40;

    /// <summary>Report 6: this many partial refunds (each less than the capture) of one payment is a finding.</summary>
    public int RepeatedPartialRefunds { get; set; } = 3;

    /// <summary>Report 6, outliers: refunds a finance officer needs in the period to be measured.</summary>
    public int RefundOutlierMinimumRefunds { get; set; } = 10;

    /// <summary>Report 6, outliers: refunds the other finance officers need together.</summary>
    public int RefundOutlierMinimumPeerRefunds { get; set; } = 10;

    /// <summary>Report 6, outliers: the z (sensitivity) of the share and mean-amount tests (3 ≈ 99.7 %).</summary>
    public double RefundOutlierZ { get; set; } = 3.0;

    /// <summary>Report 6, refund-amount-high: the officer's mean refund must also be at least this multiple of the peers' mean.</summary>
    public double RefundAmountOutlierRatio { get; set; } = 1.5;

    /// <summary>Report 10: a payment Created, Started, Authorised or StatusUnknown for longer than this is orphaned money.</summary>
    public TimeSpan PaymentUnresolvedAfter { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Report 10: a settled payment neither reconciled nor flagged for longer than this.</summary>
    public TimeSpan SettledUnreconciledAfter { get; set; } = TimeSpan.FromDays(3);
}
