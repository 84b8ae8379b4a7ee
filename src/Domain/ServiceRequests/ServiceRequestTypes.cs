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
