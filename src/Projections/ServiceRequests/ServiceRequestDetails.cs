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
    public string SubmittedBy { get; set; } = "";
    public SubmissionChannel Channel { get; set; }
    public ServiceRequestStatus Status { get; set; }
    public RequestFlags Flags { get; set; }
    /// <summary>The Overdue flag as a column queues can filter on (flags are stored as text).</summary>
    public bool IsOverdue { get; set; }
    public Dictionary<string, string> Form { get; set; } = [];
    public List<string> Workflow { get; set; } = [];
    public bool RequiresSecondApprover { get; set; }
    public DateTimeOffset SubmittedAt { get; set; }
    public DateTimeOffset LastChangedAt { get; set; }
    public int SlaWorkingDays { get; set; }
    public FeeDetails? Fee { get; set; }
    public Money? Paid { get; set; }
    public List<string> PaymentReferences { get; set; } = [];
    public int? CurrentStep { get; set; }
    public string? CurrentDepartment { get; set; }
    /// <summary>The officer holding the request at the current step (who the citizen is waiting for).</summary>
    public string? AssignedTo { get; set; }
    public string? ReferredTo { get; set; }
    public DateTimeOffset? EligibleAt { get; set; }
    /// <summary>When the current step's queue received the request: its place in the first-come-first-served order.</summary>
    public DateTimeOffset? QueuedAt { get; set; }
    public DateOnly? SlaDueDate { get; set; }
    public DateTimeOffset? PausedSince { get; set; }
    public OpenInformationRequest? AwaitedFromApplicant { get; set; }
    public ProposalDetails? Proposal { get; set; }
    public DecisionDetails? Decision { get; set; }
    public string? VerificationCode { get; set; }
    public DateTimeOffset? IssuedAt { get; set; }
    /// <summary>The required documents recorded at submission and how each was supplied.</summary>
    public List<RequestDocumentDetails> Documents { get; set; } = [];
    /// <summary>Codes of the required documents still needed: never supplied, or referenced and since revoked.</summary>
    public List<string> MissingDocuments { get; set; } = [];
    /// <summary>Every verification code this request referenced: the lookup a revocation uses to find the requests to flag.</summary>
    public List<string> ReferencedCodes { get; set; } = [];
    /// <summary>
    /// When the request's lifecycle timers can next act: stored in this row (the sweep's indexed columns) but not
    /// served, since it is the engine's bookkeeping, not something a citizen or officer reads (HttpJsonContract).
    /// </summary>
    public RequestTimers Timers { get; set; } = new();

    /// <summary>
    /// The request's write model (<see cref="ServiceRequest"/>, Domain's fold of the same events), kept in this row so
    /// that a command reads one row instead of the stream's version and events (issue 16). Stored, never served
    /// (HttpJsonContract); null in rows written before it existed, whose commands fold the stream instead.
    /// </summary>
    public ServiceRequest? WriteModel { get; set; }
}

/// <param name="SuppliedBy">"upload" or "reference"; null while missing.</param>
public sealed record RequestDocumentDetails(
    string Code, LocalizedText Name, bool IssuedByGovernment, string? IssuingServiceCode, int? ValidityDays,
    string? SuppliedBy = null, string? VerificationCode = null, DateTimeOffset? ValidUntil = null, bool Revoked = false);

public sealed record FeeDetails(int ScheduleVersion, IReadOnlyList<FeeLine> Lines, Money Total, DateTimeOffset AssessedAt);

public sealed record OpenInformationRequest(Guid Id, string Message, DateTimeOffset RequestedAt);

public sealed record ProposalDetails(DecisionOutcome Outcome, string? ReasonCode, string ProposedBy, DateTimeOffset At);

public sealed record DecisionDetails(DecisionOutcome Outcome, string? ReasonCode, string Note, string DecidedBy, string? ProposedBy, DateTimeOffset At)
{
    /// <summary>The department whose step the decision was taken at (the department's SLA figures count it).</summary>
    public string? Department { get; init; }

    /// <summary>
    /// Decided on or before the SLA due date in force at the decision (Palestinian local dates); null when no SLA clock
    /// ran. Both dates come from the events, so a rebuild gives the same answer.
    /// </summary>
    public bool? WithinSla { get; init; }
}
