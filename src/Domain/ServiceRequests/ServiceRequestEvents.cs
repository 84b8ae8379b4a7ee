using MyGovernment.Domain.Catalog;
using MyGovernment.Domain.Common;

namespace MyGovernment.Domain.ServiceRequests;

// Service request events: a stored contract. Never rename or reshape one that shipped; add a new event or an
// upcaster. Every event after submission names who acted (By) and when (At); correlation and causation travel
// as event metadata.

/// <param name="ApplicantId">The citizen's national ID or resident account id, taken from the token.</param>
/// <param name="SubmittedBy">Who pressed submit: the applicant, or an officer on the assisted channel.</param>
/// <param name="WorkflowDepartments">The departments of the service's steps, in order, as in force at submission.</param>
public sealed record ServiceRequestSubmitted(
    Guid RequestId,
    string ServiceCode,
    LocalizedText ServiceName,
    string ApplicantId,
    Actor SubmittedBy,
    SubmissionChannel Channel,
    IReadOnlyDictionary<string, string> Form,
    bool IsPaid,
    IReadOnlyList<string> WorkflowDepartments,
    bool RequiresSecondApprover,
    int SlaWorkingDays,
    DateTimeOffset SubmittedAt);

/// <summary>Another open request of the same applicant for the same service exists (flag, not a refusal).</summary>
public sealed record PotentialDuplicateFlagged(Guid RequestId, Guid OtherRequestId, DateTimeOffset At);

/// <summary>The fee in force at assessment time, with the schedule version it came from.</summary>
public sealed record FeeAssessed(
    Guid RequestId,
    int FeeScheduleVersion,
    IReadOnlyList<FeeLine> Lines,
    Money Total,
    DateTimeOffset AssessedAt);

/// <summary>Money confirmed for this request (the payments module calls this once a capture is certain).</summary>
public sealed record PaymentConfirmed(Guid RequestId, string PaymentReference, Money Amount, Money TotalPaid, Actor By, DateTimeOffset At);

/// <summary>
/// The request joined the queue of a workflow step's department. <see cref="EligibleAt"/> orders the queue
/// (first come, first served).
/// </summary>
public sealed record StepEntered(
    Guid RequestId,
    int StepIndex,
    string DepartmentCode,
    DateTimeOffset EligibleAt);

/// <summary>The SLA clock started when the request became eligible for review (submission, or full payment).</summary>
public sealed record SlaClockStarted(Guid RequestId, DateTimeOffset EligibleAt, DateOnly DueDate);

public sealed record RequestAssigned(Guid RequestId, int StepIndex, string DepartmentCode, string OfficerId, AssignmentMode Mode, Actor By, DateTimeOffset At);

public sealed record InformationRequested(Guid RequestId, Guid InformationRequestId, string Message, Actor By, DateTimeOffset At);

/// <summary>The applicant answered; the SLA clock resumes and its due date moves by the working days it was paused.</summary>
public sealed record ApplicantResponded(
    Guid RequestId,
    Guid InformationRequestId,
    string Message,
    IReadOnlyList<DocumentReference> Documents,
    int PausedWorkingDays,
    DateOnly NewDueDate,
    Actor By,
    DateTimeOffset At);

public sealed record RequestReferred(Guid RequestId, string FromDepartment, string ToDepartment, string Reason, Actor By, DateTimeOffset At);

public sealed record ReferralReturned(Guid RequestId, string FromDepartment, string Opinion, Actor By, DateTimeOffset At);

public sealed record StepCompleted(Guid RequestId, int StepIndex, string DepartmentCode, string Note, Actor By, DateTimeOffset At);

/// <summary>The maker's half of a decision that needs a second approver.</summary>
public sealed record DecisionProposed(Guid RequestId, DecisionOutcome Outcome, string? ReasonCode, string Note, Actor By, DateTimeOffset At);

/// <summary>The checker sent the proposal back for more review.</summary>
public sealed record DecisionReturned(Guid RequestId, string Reason, Actor By, DateTimeOffset At);

/// <param name="ProposedBy">The maker when a second approver was required; null when one officer decided.</param>
public sealed record RequestApproved(Guid RequestId, string Note, string? ProposedBy, Actor By, DateTimeOffset At);

public sealed record RequestRejected(Guid RequestId, string ReasonCode, string Note, string? ProposedBy, Actor By, DateTimeOffset At);

/// <summary>The document was issued; anyone can check <see cref="VerificationCode"/> on the public endpoint.</summary>
public sealed record DocumentIssued(Guid RequestId, string VerificationCode, string ServiceCode, Actor By, DateTimeOffset At);

public sealed record RequestWithdrawn(Guid RequestId, string Reason, Actor By, DateTimeOffset At);

public sealed record RequestAbandoned(Guid RequestId, AbandonReason Reason, DateTimeOffset At);

public sealed record RequestClosed(Guid RequestId, ServiceRequestStatus Outcome, DateTimeOffset At);

/// <summary>The applicant appealed a rejection within the appeal window; the deciding step reviews it again.</summary>
public sealed record RequestReopened(Guid RequestId, string Grounds, Actor By, DateTimeOffset At);

public sealed record RequestMarkedOverdue(Guid RequestId, DateOnly DueDate, DateTimeOffset At);

public sealed record RequestEscalated(Guid RequestId, string DepartmentCode, string Reason, Actor By, DateTimeOffset At);

public sealed record DocumentRevoked(Guid RequestId, string VerificationCode, string Reason, Actor By, DateTimeOffset At);

/// <summary>The documents the service required at submission (with how each may be supplied): what the request must collect.</summary>
/// <param name="Holders">By document code, the national ID a referenced document must be issued to, where the service names a
/// form field for it (otherwise the applicant).</param>
public sealed record DocumentsRequired(Guid RequestId, IReadOnlyList<DocumentRequirement> Documents, IReadOnlyDictionary<string, string> Holders, DateTimeOffset At);

/// <summary>The applicant (or the officer who submitted for them) attached uploaded documents to the request.</summary>
public sealed record DocumentsAttached(Guid RequestId, IReadOnlyList<DocumentReference> Documents, Actor By, DateTimeOffset At);

/// <summary>
/// Tell us once: an issued document was referenced by its verification code for a required document, and the check
/// passed at <see cref="At"/>: genuine, not revoked, issued by <see cref="IssuingServiceCode"/> to <see cref="HolderId"/>,
/// and valid until <see cref="ValidUntil"/>.
/// </summary>
public sealed record IssuedDocumentReferenced(
    Guid RequestId,
    string DocumentCode,
    string VerificationCode,
    string IssuingServiceCode,
    Guid IssuingRequestId,
    string HolderId,
    DateTimeOffset IssuedAt,
    DateTimeOffset ValidUntil,
    Actor By,
    DateTimeOffset At);

/// <summary>A document this request relied on was revoked; the request cannot move on until it is replaced.</summary>
public sealed record ReferencedDocumentRevoked(
    Guid RequestId, string DocumentCode, string VerificationCode, Guid IssuingRequestId, string Reason, DateTimeOffset RevokedAt, DateTimeOffset At);
