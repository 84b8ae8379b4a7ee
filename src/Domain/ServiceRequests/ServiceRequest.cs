using MyGovernment.Domain.Common;

namespace MyGovernment.Domain.ServiceRequests;

/// <summary>Write model of one service request: only what the decisions need.</summary>
public sealed record ServiceRequest(
    Guid Id,
    string ServiceCode,
    string ApplicantId,
    ServiceRequestStatus Status,
    bool IsPaid,
    Money? Fee,
    int? CurrentStep,
    string? CurrentDepartment)
{
    public static ServiceRequest? Evolve(ServiceRequest? state, object @event) => (state, @event) switch
    {
        (_, ServiceRequestSubmitted e) => new ServiceRequest(
            e.RequestId, e.ServiceCode, e.ApplicantId, ServiceRequestStatus.Submitted, e.IsPaid, null, null, null),
        (not null, FeeAssessed e) => state with { Fee = e.Total, Status = ServiceRequestStatus.AwaitingPayment },
        (not null, StepEntered e) => state with
        {
            CurrentStep = e.StepIndex,
            CurrentDepartment = e.DepartmentCode,
            Status = ServiceRequestStatus.InReview,
        },
        _ => state,
    };
}
