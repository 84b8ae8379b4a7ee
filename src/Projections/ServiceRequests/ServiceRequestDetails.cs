using JasperFx.Events;
using Marten.Events.Aggregation;
using MyGovernment.Domain.Catalog;
using MyGovernment.Domain.Common;
using MyGovernment.Domain.ServiceRequests;

namespace MyGovernment.Projections.ServiceRequests;

/// <summary>A request as its applicant and the officers handling it see it.</summary>
public sealed class ServiceRequestDetails
{
    public Guid Id { get; set; }
    /// <summary>Stream version this row reflects; served as the ETag and quoted back as the expected version.</summary>
    public long Version { get; set; }
    public string ServiceCode { get; set; } = "";
    public LocalizedText ServiceName { get; set; } = new("", "");
    public string ApplicantId { get; set; } = "";
    public SubmissionChannel Channel { get; set; }
    public ServiceRequestStatus Status { get; set; }
    public Dictionary<string, string> Form { get; set; } = [];
    public DateTimeOffset SubmittedAt { get; set; }
    public DateTimeOffset LastChangedAt { get; set; }
    public int SlaWorkingDays { get; set; }
    public FeeDetails? Fee { get; set; }
    public int? CurrentStep { get; set; }
    public string? CurrentDepartment { get; set; }
    public DateTimeOffset? EligibleAt { get; set; }
}

public sealed record FeeDetails(int ScheduleVersion, IReadOnlyList<FeeLine> Lines, Money Total, DateTimeOffset AssessedAt);

/// <summary>Deterministic: every time written here comes from an event, never from the clock.</summary>
public sealed partial class ServiceRequestDetailsProjection : SingleStreamProjection<ServiceRequestDetails, Guid>
{
    public static ServiceRequestDetails Create(IEvent<ServiceRequestSubmitted> e) => new()
    {
        ServiceCode = e.Data.ServiceCode,
        ServiceName = e.Data.ServiceName,
        ApplicantId = e.Data.ApplicantId,
        Channel = e.Data.Channel,
        Status = ServiceRequestStatus.Submitted,
        Form = new Dictionary<string, string>(e.Data.Form),
        SubmittedAt = e.Data.SubmittedAt,
        LastChangedAt = e.Data.SubmittedAt,
        SlaWorkingDays = e.Data.SlaWorkingDays,
        Version = e.Version,
    };

    public static void Apply(IEvent<FeeAssessed> e, ServiceRequestDetails view)
    {
        view.Fee = new FeeDetails(e.Data.FeeScheduleVersion, e.Data.Lines, e.Data.Total, e.Data.AssessedAt);
        view.Status = ServiceRequestStatus.AwaitingPayment;
        Touch(view, e, e.Data.AssessedAt);
    }

    public static void Apply(IEvent<StepEntered> e, ServiceRequestDetails view)
    {
        view.CurrentStep = e.Data.StepIndex;
        view.CurrentDepartment = e.Data.DepartmentCode;
        view.EligibleAt = e.Data.EligibleAt;
        view.Status = ServiceRequestStatus.InReview;
        Touch(view, e, e.Data.EligibleAt);
    }

    private static void Touch(ServiceRequestDetails view, IEvent e, DateTimeOffset at)
    {
        view.Version = e.Version;
        view.LastChangedAt = at;
    }
}
