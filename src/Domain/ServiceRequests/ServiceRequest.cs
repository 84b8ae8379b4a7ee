using MyGovernment.Domain.Common;

namespace MyGovernment.Domain.ServiceRequests;

/// <summary>The maker's proposal awaiting a checker; the maker as the event recorded them (national ID included).</summary>
public sealed record PendingDecision(DecisionOutcome Outcome, string? ReasonCode, string Note, Actor Proposer)
{
    public string ProposedBy => Proposer.Subject;
}

/// <summary>Write model of one service request: only what the decisions need. Folded by the pure <see cref="Evolve"/>.</summary>
public sealed record ServiceRequest(
    Guid Id,
    string ServiceCode,
    string ApplicantId,
    Actor SubmittedBy,
    SubmissionChannel Channel,
    ServiceRequestStatus Status,
    RequestFlags Flags,
    bool IsPaid,
    Money? Fee,
    Money? Paid,
    IReadOnlyList<string> WorkflowDepartments,
    bool RequiresSecondApprover,
    int SlaWorkingDays,
    int? CurrentStep = null,
    string? CurrentDepartment = null,
    string? AssignedTo = null,
    string? ReferredTo = null,
    DateTimeOffset? EligibleAt = null,
    DateOnly? SlaDueDate = null,
    DateTimeOffset? PausedSince = null,
    Guid? OpenInformationRequest = null,
    PendingDecision? Proposal = null,
    DateTimeOffset? DecidedAt = null,
    string? VerificationCode = null,
    IReadOnlySet<string>? PaymentReferences = null,
    long Version = 0,
    RequestDocuments? Documents = null)
{
    /// <summary>The stream version this state reflects. Set only by <see cref="Evolve"/>, on a copy it has just made.</summary>
    public long Version { get; private set; } = Version;

    /// <summary>Declared here only to stay after <see cref="Version"/>, where the stored JSON and the API's schema have it.</summary>
    public RequestDocuments? Documents { get; init; } = Documents;

    public bool IsLastStep => CurrentStep == WorkflowDepartments.Count - 1;

    public bool IsFullyPaid => !IsPaid || (Fee is not null && Paid is not null && Paid.Amount >= Fee.Amount);

    /// <summary>Statuses in which officers of the current step work on the request.</summary>
    public bool IsUnderReview => Status is ServiceRequestStatus.InReview or ServiceRequestStatus.Reopened;

    /// <summary>Statuses that absorb every command except what the lifecycle still allows (appeal, close, revoke).</summary>
    public bool IsFinal => Status is ServiceRequestStatus.Withdrawn or ServiceRequestStatus.Abandoned or ServiceRequestStatus.Closed;

    public bool IsDecided => Status is ServiceRequestStatus.Approved or ServiceRequestStatus.Issued or ServiceRequestStatus.Rejected || IsFinal;

    /// <summary>
    /// The events after which <see cref="Evolve"/> can give another <see cref="Status"/>; no other event changes it
    /// (a test folds every other event of this namespace onto every status). Readers that only follow status changes
    /// ask the event store for these alone (the webhooks subscriber: issue 16, part L).
    /// </summary>
    public static IReadOnlyList<Type> StatusChangingEvents { get; } =
    [
        typeof(ServiceRequestSubmitted), typeof(FeeAssessed), typeof(StepEntered), typeof(InformationRequested), typeof(ApplicantResponded),
        typeof(RequestReferred), typeof(ReferralReturned), typeof(DecisionProposed), typeof(DecisionReturned), typeof(RequestApproved),
        typeof(RequestRejected), typeof(DocumentIssued), typeof(RequestWithdrawn), typeof(RequestAbandoned), typeof(RequestClosed),
        typeof(RequestReopened),
    ];

    /// <summary>
    /// Folds one event. <see cref="Version"/> counts every event folded, so the state a decision sees always says
    /// which stream version it reflects, even when the events were read a moment after the stream's version.
    /// (Not named Apply: Marten would take an Apply method on the aggregate for a projection convention.)
    /// </summary>
    public static ServiceRequest? Evolve(ServiceRequest? state, object @event)
    {
        if (Transition(state, @event) is not { } next)
        {
            return null;
        }
        var version = (state?.Version ?? 0) + 1;
        next = Documented(next, @event);
        if (ReferenceEquals(next, state))
        {
            return state with { Version = version };
        }
        // Anything but the state itself is a copy made by this fold and not yet seen by anyone, so the version is
        // written into it rather than paid for with a second copy of the whole record (issue 16: every command folds).
        next.Version = version;
        return next;
    }

    /// <summary>The documents collected so far, and the flag a revoked, unreplaced reference raises.</summary>
    private static ServiceRequest Documented(ServiceRequest request, object @event)
    {
        var before = request.Documents ?? RequestDocuments.None;
        var after = before.Evolve(@event);
        if (ReferenceEquals(before, after))
        {
            return request;
        }
        var flags = after.Revoked.Count > 0
            ? request.Flags | RequestFlags.ReliesOnRevokedDocument
            : request.Flags & ~RequestFlags.ReliesOnRevokedDocument;
        return request with { Documents = after, Flags = flags };
    }

    private static ServiceRequest? Transition(ServiceRequest? state, object @event) => (state, @event) switch
    {
        (_, ServiceRequestSubmitted e) => new ServiceRequest(
            e.RequestId, e.ServiceCode, e.ApplicantId, e.SubmittedBy, e.Channel, ServiceRequestStatus.Submitted, RequestFlags.None,
            e.IsPaid, null, null, e.WorkflowDepartments, e.RequiresSecondApprover, e.SlaWorkingDays),
        (null, _) => null,
        (_, PotentialDuplicateFlagged) => state with { Flags = state.Flags | RequestFlags.PotentialDuplicate },
        (_, FeeAssessed e) => state with { Fee = e.Total, Paid = Money.Zero(e.Total.Currency), Status = ServiceRequestStatus.AwaitingPayment },
        (_, PaymentConfirmed e) => state with
        {
            Paid = e.TotalPaid,
            PaymentReferences = new HashSet<string>(state.PaymentReferences ?? new HashSet<string>()) { e.PaymentReference },
        },
        (_, StepEntered e) => state with
        {
            CurrentStep = e.StepIndex,
            CurrentDepartment = e.DepartmentCode,
            AssignedTo = null,
            Status = state.Status == ServiceRequestStatus.Reopened ? ServiceRequestStatus.Reopened : ServiceRequestStatus.InReview,
            EligibleAt = state.EligibleAt ?? e.EligibleAt,
        },
        (_, SlaClockStarted e) => state with { EligibleAt = e.EligibleAt, SlaDueDate = e.DueDate },
        (_, RequestAssigned e) => state with { AssignedTo = e.OfficerId },
        (_, InformationRequested e) => state with
        {
            Status = ServiceRequestStatus.AwaitingApplicant,
            PausedSince = e.At,
            OpenInformationRequest = e.InformationRequestId,
        },
        (_, ApplicantResponded e) => state with
        {
            Status = ServiceRequestStatus.InReview,
            PausedSince = null,
            OpenInformationRequest = null,
            SlaDueDate = e.NewDueDate,
        },
        (_, RequestReferred e) => state with { Status = ServiceRequestStatus.Referred, ReferredTo = e.ToDepartment },
        (_, ReferralReturned) => state with { Status = ServiceRequestStatus.InReview, ReferredTo = null },
        (_, StepCompleted) => state with { AssignedTo = null },
        (_, DecisionProposed e) => state with
        {
            Status = ServiceRequestStatus.AwaitingApproval,
            Proposal = new PendingDecision(e.Outcome, e.ReasonCode, e.Note, e.By),
        },
        (_, DecisionReturned) => state with { Status = ServiceRequestStatus.InReview, Proposal = null },
        (_, RequestApproved e) => state with { Status = ServiceRequestStatus.Approved, Proposal = null, DecidedAt = e.At },
        (_, RequestRejected e) => state with { Status = ServiceRequestStatus.Rejected, Proposal = null, DecidedAt = e.At },
        (_, DocumentIssued e) => state with { Status = ServiceRequestStatus.Issued, VerificationCode = e.VerificationCode },
        (_, RequestWithdrawn) => state with { Status = ServiceRequestStatus.Withdrawn },
        (_, RequestAbandoned) => state with { Status = ServiceRequestStatus.Abandoned },
        (_, RequestClosed) => state with { Status = ServiceRequestStatus.Closed },
        (_, RequestReopened) => state with
        {
            Status = ServiceRequestStatus.Reopened,
            Flags = state.Flags | RequestFlags.Disputed,
            DecidedAt = null,
            AssignedTo = null,
        },
        (_, RequestMarkedOverdue) => state with { Flags = state.Flags | RequestFlags.Overdue },
        (_, RequestEscalated) => state with { Flags = state.Flags | RequestFlags.Escalated },
        (_, DocumentRevoked) => state with { Flags = state.Flags | RequestFlags.Revoked },
        _ => state,
    };
}
