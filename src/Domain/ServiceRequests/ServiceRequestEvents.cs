using MyGovernment.Domain.Catalog;
using MyGovernment.Domain.Common;

namespace MyGovernment.Domain.ServiceRequests;

// Service request events: a stored contract. Never rename or reshape one that shipped; add a new event or an
// upcaster. Who acted (subject, role, department), correlation and causation travel as event metadata.

/// <param name="ApplicantId">The citizen's national ID or resident account id, taken from the token.</param>
/// <param name="SubmittedBy">The subject who pressed submit: the applicant, or an officer on the assisted channel.</param>
public sealed record ServiceRequestSubmitted(
    Guid RequestId,
    string ServiceCode,
    LocalizedText ServiceName,
    string ApplicantId,
    string SubmittedBy,
    SubmissionChannel Channel,
    IReadOnlyDictionary<string, string> Form,
    bool IsPaid,
    int SlaWorkingDays,
    DateTimeOffset SubmittedAt);

/// <summary>The fee in force at assessment time, with the schedule version it came from.</summary>
public sealed record FeeAssessed(
    Guid RequestId,
    int FeeScheduleVersion,
    IReadOnlyList<FeeLine> Lines,
    Money Total,
    DateTimeOffset AssessedAt);

/// <summary>
/// The request joined the queue of a workflow step's department. <see cref="EligibleAt"/> orders the queue
/// (first come, first served) and starts that step's clock.
/// </summary>
public sealed record StepEntered(
    Guid RequestId,
    int StepIndex,
    string DepartmentCode,
    DateTimeOffset EligibleAt);
