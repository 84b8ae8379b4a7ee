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

    public TimeSpan AppealWindow => TimeSpan.FromDays(AppealWindowDays);
}
