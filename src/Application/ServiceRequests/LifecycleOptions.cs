using MyGovernment.Domain.Staff;

namespace MyGovernment.Application.ServiceRequests;

/// <summary>Lifecycle timeouts (configuration section "Lifecycle"). Defaults suit a government service desk.</summary>
public sealed class LifecycleOptions
{
    /// <summary>Days an assessed fee may stay unpaid before the request is abandoned.</summary>
    public int PaymentDays { get; set; } = 14;

    /// <summary>Days an applicant has to answer an information request before the request is abandoned.</summary>
    public int ApplicantResponseDays { get; set; } = 30;

    /// <summary>Days after a decision during which the applicant may appeal; then the request closes.</summary>
    public int AppealWindowDays { get; set; } = 30;

    /// <summary>How requests entering a step's queue get an officer: Manual, RoundRobin or LeastLoaded.</summary>
    public AssignmentPolicy AssignmentPolicy { get; set; } = AssignmentPolicy.LeastLoaded;

    /// <summary>
    /// How long a node decides automatic assignments from its last count of a department's open assignments per
    /// officer, plus its own assignments since, before counting again. Counting reads every held request of the
    /// department; claims, approvals and other nodes' assignments show at the next count. Zero counts every time.
    /// </summary>
    public TimeSpan WorkloadRefresh { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How often each node looks for due timers: SLA deadlines passed, waits for payment, for the applicant or through
    /// the appeal window longer than configured (one query over indexed columns; a timer acts at most this late).
    /// Scheduled messages used to fire within the scheduled-job polling time, one second here.
    /// </summary>
    public TimeSpan SlaSweepInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Requests one sweep query fetches at a time when many timers are due together (a busy midnight).</summary>
    public int SlaSweepBatchSize { get; set; } = 200;

    public TimeSpan AppealWindow => TimeSpan.FromDays(AppealWindowDays);
}
