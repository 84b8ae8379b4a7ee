using MyGovernment.Domain.AccessLog;
using MyGovernment.Domain.Common;
using MyGovernment.Domain.Payments;
using MyGovernment.Domain.Payments.Refunds;
using MyGovernment.Domain.Reconciliation;
using MyGovernment.Domain.ServiceRequests;

namespace MyGovernment.Domain.Oversight;

/// <summary>
/// A stored event as the reports see it: where it is (stream, sequence, version), when it happened in business
/// time (the event's own time field, else the "business-time" metadata, else the store's timestamp), who acted (the actor in the event's data, else
/// the "actor" metadata) and the event itself.
/// </summary>
public sealed record OversightEvent(long Sequence, Guid StreamId, long Version, DateTimeOffset At, Actor? MetadataActor, object Data)
{
    public string Type => Data.GetType().Name;

    /// <summary>The acting person: the event's own record of it where it has one, which is what a tampered row would change.</summary>
    public Actor? Actor => ActorIn(Data) ?? MetadataActor;

    public Evidence Cite() => new(StreamId, Sequence, Version, Type);

    public static Actor? ActorIn(object data) => data switch
    {
        ServiceRequestSubmitted e => e.SubmittedBy,
        PaymentConfirmed e => e.By,
        RequestAssigned e => e.By,
        InformationRequested e => e.By,
        ApplicantResponded e => e.By,
        RequestReferred e => e.By,
        ReferralReturned e => e.By,
        StepCompleted e => e.By,
        DecisionProposed e => e.By,
        DecisionReturned e => e.By,
        RequestApproved e => e.By,
        RequestRejected e => e.By,
        DocumentIssued e => e.By,
        RequestWithdrawn e => e.By,
        RequestReopened e => e.By,
        RequestEscalated e => e.By,
        DocumentRevoked e => e.By,
        DocumentsAttached e => e.By,
        IssuedDocumentReferenced e => e.By,
        CitizenDataViewed e => e.Viewer,
        PaymentCreated e => e.By,
        RefundRequested e => e.By,
        RefundApproved e => e.By,
        SettlementStatementImported e => e.By,
        _ => null,
    };

    /// <summary>When the event says it happened (business time, from the clock of the command that decided it).</summary>
    public static DateTimeOffset? TimeIn(object data) => data switch
    {
        ServiceRequestSubmitted e => e.SubmittedAt,
        PotentialDuplicateFlagged e => e.At,
        FeeAssessed e => e.AssessedAt,
        PaymentConfirmed e => e.At,
        StepEntered e => e.EligibleAt,
        SlaClockStarted e => e.EligibleAt,
        RequestAssigned e => e.At,
        InformationRequested e => e.At,
        ApplicantResponded e => e.At,
        RequestReferred e => e.At,
        ReferralReturned e => e.At,
        StepCompleted e => e.At,
        DecisionProposed e => e.At,
        DecisionReturned e => e.At,
        RequestApproved e => e.At,
        RequestRejected e => e.At,
        DocumentIssued e => e.At,
        RequestWithdrawn e => e.At,
        RequestAbandoned e => e.At,
        RequestClosed e => e.At,
        RequestReopened e => e.At,
        RequestMarkedOverdue e => e.At,
        RequestEscalated e => e.At,
        DocumentRevoked e => e.At,
        DocumentsRequired e => e.At,
        DocumentsAttached e => e.At,
        IssuedDocumentReferenced e => e.At,
        ReferencedDocumentRevoked e => e.At,
        CitizenDataViewed e => e.At,
        PaymentCreated e => e.At,
        PaymentStarted e => e.At,
        PaymentAuthorised e => e.At,
        PaymentSucceeded e => e.At,
        PaymentFailed e => e.At,
        PaymentCancelled e => e.At,
        PaymentExpired e => e.At,
        PaymentErrored e => e.At,
        PaymentStatusUnknown e => e.At,
        PaymentStatusRecovered e => e.At,
        ContradictoryProviderEventRecorded e => e.At,
        RefundReserved e => e.At,
        RefundReleased e => e.At,
        PaymentRefunded e => e.At,
        PaymentSettled e => e.At,
        PaymentReconciled e => e.At,
        PaymentReconciliationFlagged e => e.At,
        RefundRequested e => e.At,
        RefundApproved e => e.At,
        RefundSubmitted e => e.At,
        RefundSucceeded e => e.At,
        RefundFailed e => e.At,
        SettlementStatementImported e => e.At,
        StatementReconciled e => e.At,
        _ => null,
    };

    /// <summary>Same person: same subject, or the same national ID under two subjects (a second account).</summary>
    public static bool SamePerson(Actor? a, Actor? b) =>
        a is not null && b is not null
        && (string.Equals(a.Subject, b.Subject, StringComparison.Ordinal)
            || (a.NationalId is not null && string.Equals(a.NationalId, b.NationalId, StringComparison.Ordinal)));
}
