namespace MyGovernment.Domain.ServiceRequests;

public enum SubmissionChannel
{
    Online,
    Assisted,
}

/// <summary>Legal statuses stay few (DESIGN §5.2); nuance goes into flags.</summary>
public enum ServiceRequestStatus
{
    Submitted,
    AwaitingPayment,
    InReview,
    AwaitingApplicant,
    Referred,
    AwaitingApproval,
    Approved,
    Issued,
    Rejected,
    Withdrawn,
    Abandoned,
    Closed,
    Reopened,
}

[Flags]
public enum RequestFlags
{
    None = 0,
    Overdue = 1,
    Escalated = 2,
    PotentialDuplicate = 4,
    Disputed = 8,
    Revoked = 16,
    /// <summary>A document this request referenced was revoked and is not replaced yet.</summary>
    ReliesOnRevokedDocument = 32,
}

public enum AssignmentMode
{
    Claimed,
    AssignedBySupervisor,
    Automatic,
}

public enum DecisionOutcome
{
    Approve,
    Reject,
}

public enum AbandonReason
{
    PaymentNotReceived,
    ApplicantDidNotRespond,
}

/// <summary>A document the applicant supplied: metadata and a content hash; the content lives outside the event store.</summary>
public sealed record DocumentReference(string DocumentType, string FileName, string ContentType, long SizeBytes, string Sha256);

/// <summary>Why a request may be rejected. A rejection always names one of these.</summary>
public static class RejectionReasons
{
    public static IReadOnlyList<string> All { get; } =
    [
        "incomplete-documents",
        "ineligible",
        "invalid-information",
        "duplicate-request",
        "regulatory-refusal",
        "failed-inspection",
        "other",
    ];

    public static bool IsKnown(string? code) => code is not null && All.Contains(code);
}

/// <summary>Status sets the read side filters on, named once.</summary>
public static class ServiceRequestStatuses
{
    /// <summary>Nothing more will happen at a step: decided and served, or ended without a decision.</summary>
    public static readonly ServiceRequestStatus[] Finished =
    [
        ServiceRequestStatus.Issued, ServiceRequestStatus.Rejected, ServiceRequestStatus.Withdrawn,
        ServiceRequestStatus.Abandoned, ServiceRequestStatus.Closed,
    ];
}
