using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Aggregation;
using MyGovernment.Domain.Common;
using MyGovernment.Domain.ServiceRequests;

namespace MyGovernment.Projections.ServiceRequests;

/// <summary>
/// Builds <see cref="ServiceRequestDetails"/> from one request's stream. Deterministic: every time written here
/// comes from an event, never from the clock, so a rebuild reproduces the same rows.
/// </summary>
public sealed partial class ServiceRequestDetailsProjection : SingleStreamProjection<ServiceRequestDetails, Guid>
{
    /// <summary>Run inline only for the transactions with an event of this projection's (see InlineScreen).</summary>
    protected override IInlineProjection<IDocumentOperations> buildForInline() => new InlineScreen(base.buildForInline(), () => AllEventTypes);

    public static ServiceRequestDetails Create(IEvent<ServiceRequestSubmitted> e) => new()
    {
        ServiceCode = e.Data.ServiceCode,
        ServiceName = e.Data.ServiceName,
        ApplicantId = e.Data.ApplicantId,
        SubmittedBy = e.Data.SubmittedBy.Subject,
        Channel = e.Data.Channel,
        Status = ServiceRequestStatus.Submitted,
        Form = new Dictionary<string, string>(e.Data.Form),
        Workflow = [.. e.Data.WorkflowDepartments],
        RequiresSecondApprover = e.Data.RequiresSecondApprover,
        // Also kept in a timestamptz column (RequestColumns), which Npgsql writes only from offset zero and truncates
        // to microseconds: stored as PostgreSQL holds it, the JSON, the column and a paging cursor agree.
        SubmittedAt = StoredTime.Of(e.Data.SubmittedAt),
        LastChangedAt = e.Data.SubmittedAt,
        SlaWorkingDays = e.Data.SlaWorkingDays,
        Version = e.Version,
        WriteModel = ServiceRequest.Evolve(null, e.Data),
    };

    public static void Apply(IEvent<PotentialDuplicateFlagged> e, ServiceRequestDetails view) =>
        Touch(view, e, e.Data.At).Flags |= RequestFlags.PotentialDuplicate;

    public static void Apply(IEvent<FeeAssessed> e, ServiceRequestDetails view)
    {
        Touch(view, e, e.Data.AssessedAt);
        view.Timers = RequestTimersFold.Apply(e.Data, view.Timers);
        view.Fee = new FeeDetails(e.Data.FeeScheduleVersion, e.Data.Lines, e.Data.Total, e.Data.AssessedAt);
        view.Paid = Money.Zero(e.Data.Total.Currency);
        view.Status = ServiceRequestStatus.AwaitingPayment;
    }

    public static void Apply(IEvent<PaymentConfirmed> e, ServiceRequestDetails view)
    {
        Touch(view, e, e.Data.At);
        view.Paid = e.Data.TotalPaid;
        view.PaymentReferences.Add(e.Data.PaymentReference);
    }

    public static void Apply(IEvent<StepEntered> e, ServiceRequestDetails view)
    {
        Touch(view, e, e.Data.EligibleAt);
        view.CurrentStep = e.Data.StepIndex;
        view.CurrentDepartment = e.Data.DepartmentCode;
        view.AssignedTo = null;
        view.QueuedAt = e.Data.EligibleAt;
        view.EligibleAt ??= e.Data.EligibleAt;
        if (view.Status != ServiceRequestStatus.Reopened)
        {
            view.Status = ServiceRequestStatus.InReview;
        }
    }

    public static void Apply(IEvent<SlaClockStarted> e, ServiceRequestDetails view)
    {
        Touch(view, e, e.Data.EligibleAt);
        view.Timers = RequestTimersFold.Apply(e.Data, view.Timers);
        view.EligibleAt = e.Data.EligibleAt;
        view.SlaDueDate = e.Data.DueDate;
    }

    public static void Apply(IEvent<RequestAssigned> e, ServiceRequestDetails view) => Touch(view, e, e.Data.At).AssignedTo = e.Data.OfficerId;

    public static void Apply(IEvent<InformationRequested> e, ServiceRequestDetails view)
    {
        Touch(view, e, e.Data.At);
        view.Timers = RequestTimersFold.Apply(e.Data, view.Timers);
        view.Status = ServiceRequestStatus.AwaitingApplicant;
        view.PausedSince = e.Data.At;
        view.AwaitedFromApplicant = new OpenInformationRequest(e.Data.InformationRequestId, e.Data.Message, e.Data.At);
    }

    public static void Apply(IEvent<ApplicantResponded> e, ServiceRequestDetails view)
    {
        Touch(view, e, e.Data.At);
        view.Timers = RequestTimersFold.Apply(e.Data, view.Timers);
        view.Status = ServiceRequestStatus.InReview;
        view.PausedSince = null;
        view.AwaitedFromApplicant = null;
        view.SlaDueDate = e.Data.NewDueDate;
        Uploaded(view, e.Data.Documents);
    }

    public static void Apply(IEvent<RequestReferred> e, ServiceRequestDetails view)
    {
        Touch(view, e, e.Data.At);
        view.Status = ServiceRequestStatus.Referred;
        view.ReferredTo = e.Data.ToDepartment;
    }

    public static void Apply(IEvent<ReferralReturned> e, ServiceRequestDetails view)
    {
        Touch(view, e, e.Data.At);
        view.Status = ServiceRequestStatus.InReview;
        view.ReferredTo = null;
    }

    public static void Apply(IEvent<StepCompleted> e, ServiceRequestDetails view) => Touch(view, e, e.Data.At).AssignedTo = null;

    public static void Apply(IEvent<DecisionProposed> e, ServiceRequestDetails view)
    {
        Touch(view, e, e.Data.At);
        view.Status = ServiceRequestStatus.AwaitingApproval;
        view.Proposal = new ProposalDetails(e.Data.Outcome, e.Data.ReasonCode, e.Data.By.Subject, e.Data.At);
    }

    public static void Apply(IEvent<DecisionReturned> e, ServiceRequestDetails view)
    {
        Touch(view, e, e.Data.At);
        view.Status = ServiceRequestStatus.InReview;
        view.Proposal = null;
    }

    public static void Apply(IEvent<RequestApproved> e, ServiceRequestDetails view)
    {
        Touch(view, e, e.Data.At);
        view.Timers = RequestTimersFold.Apply(e.Data, view.Timers);
        view.Status = ServiceRequestStatus.Approved;
        view.Proposal = null;
        view.Decision = Decided(view, new DecisionDetails(DecisionOutcome.Approve, null, e.Data.Note, e.Data.By.Subject, e.Data.ProposedBy, e.Data.At));
    }

    public static void Apply(IEvent<RequestRejected> e, ServiceRequestDetails view)
    {
        Touch(view, e, e.Data.At);
        view.Timers = RequestTimersFold.Apply(e.Data, view.Timers);
        view.Status = ServiceRequestStatus.Rejected;
        view.Proposal = null;
        view.Decision = Decided(view, new DecisionDetails(DecisionOutcome.Reject, e.Data.ReasonCode, e.Data.Note, e.Data.By.Subject, e.Data.ProposedBy, e.Data.At));
    }

    public static void Apply(IEvent<DocumentIssued> e, ServiceRequestDetails view)
    {
        Touch(view, e, e.Data.At);
        view.Timers = RequestTimersFold.Apply(e.Data, view.Timers);
        view.Status = ServiceRequestStatus.Issued;
        view.VerificationCode = e.Data.VerificationCode;
        view.IssuedAt = e.Data.At;
    }

    public static void Apply(IEvent<RequestWithdrawn> e, ServiceRequestDetails view)
    {
        Touch(view, e, e.Data.At).Status = ServiceRequestStatus.Withdrawn;
        view.Timers = RequestTimersFold.Apply(e.Data, view.Timers);
    }

    public static void Apply(IEvent<RequestAbandoned> e, ServiceRequestDetails view)
    {
        Touch(view, e, e.Data.At).Status = ServiceRequestStatus.Abandoned;
        view.Timers = RequestTimersFold.Apply(e.Data, view.Timers);
    }

    public static void Apply(IEvent<RequestClosed> e, ServiceRequestDetails view)
    {
        Touch(view, e, e.Data.At).Status = ServiceRequestStatus.Closed;
        view.Timers = RequestTimersFold.Apply(e.Data, view.Timers);
    }

    public static void Apply(IEvent<RequestReopened> e, ServiceRequestDetails view)
    {
        Touch(view, e, e.Data.At);
        view.Timers = RequestTimersFold.Apply(e.Data, view.Timers);
        view.Status = ServiceRequestStatus.Reopened;
        view.Flags |= RequestFlags.Disputed;
        view.AssignedTo = null;
    }

    public static void Apply(IEvent<RequestMarkedOverdue> e, ServiceRequestDetails view)
    {
        Touch(view, e, e.Data.At).Flags |= RequestFlags.Overdue;
        view.Timers = RequestTimersFold.Apply(e.Data, view.Timers);
        view.IsOverdue = true;
    }

    public static void Apply(IEvent<RequestEscalated> e, ServiceRequestDetails view) => Touch(view, e, e.Data.At).Flags |= RequestFlags.Escalated;

    public static void Apply(IEvent<DocumentRevoked> e, ServiceRequestDetails view) => Touch(view, e, e.Data.At).Flags |= RequestFlags.Revoked;

    private static DecisionDetails Decided(ServiceRequestDetails view, DecisionDetails decision) => decision with
    {
        Department = view.CurrentDepartment,
        WithinSla = view.SlaDueDate is { } due ? PalestineTime.LocalDate(decision.At) <= due : null,
    };

    /// <summary>Every Apply starts here, so the row's version and its write model follow every event of the stream.</summary>
    private static ServiceRequestDetails Touch(ServiceRequestDetails view, IEvent e, DateTimeOffset at)
    {
        view.Version = e.Version;
        view.WriteModel = ServiceRequest.Evolve(view.WriteModel, e.Data);
        view.LastChangedAt = at;
        return view;
    }
}
