using MyGovernment.Domain.Catalog;
using MyGovernment.Domain.Common;
using MyGovernment.Domain.ServiceRequests;
using static MyGovernment.Domain.Tests.ServiceRequests.People;

namespace MyGovernment.Domain.Tests.ServiceRequests;

/// <summary>
/// The event histories of one paid two-step request (MOLG, then CIVIL-DEFENCE; fee 50 ILS) at each interesting
/// state, as the decisions would have written them. January 2026 in Palestine (UTC+2): Sun 4 submitted, Thu 8
/// paid; SLA 5 working days, so due Thu 15.
/// </summary>
public sealed record History(
    bool SecondApprover = false,
    SubmissionChannel Channel = SubmissionChannel.Online,
    int SlaWorkingDays = 5)
{
    public static readonly Guid RequestId = Guid.Parse("0190a000-0000-7000-8000-0000000000aa");
    public static readonly Guid InfoRequestId = Guid.Parse("0190a000-0000-7000-8000-0000000000b1");
    public const string ServiceCode = "BUILDING-PERMIT";
    public const string VerificationCode = "MG-2026-0001";
    public static readonly Money Fee = Money.Ils(50m);
    public static readonly TimeSpan AppealWindow = TimeSpan.FromDays(30);

    public static DateTimeOffset SubmittedAt => Jan(4);

    public static DateTimeOffset PaidAt => Jan(8, 10);

    /// <summary>A local Palestinian time in January 2026 (winter, UTC+2).</summary>
    public static DateTimeOffset Jan(int day, int hour = 9, int minute = 0) => new(2026, 1, day, hour, minute, 0, TimeSpan.FromHours(2));

    public static readonly LocalizedText ServiceName = new("رخصة بناء", "Building permit");

    public Actor SubmittedBy => Channel == SubmissionChannel.Assisted ? CounterClerk : Applicant;

    public DateOnly DueDate => WorkingCalendar.Standard.AddWorkingDays(new DateOnly(2026, 1, 8), SlaWorkingDays);

    public object[] AwaitingPayment() =>
    [
        new ServiceRequestSubmitted(
            RequestId, ServiceCode, ServiceName, ApplicantId, SubmittedBy, Channel,
            new Dictionary<string, string> { ["parcel"] = "12/345" }, IsPaid: true, [Molg, CivilDefence], SecondApprover,
            SlaWorkingDays, SubmittedAt),
        new FeeAssessed(RequestId, 1, [new FeeLine("base", new("رسم", "Fee"), Fee)], Fee, SubmittedAt),
    ];

    public object[] InReviewAtMolg() =>
    [
        .. AwaitingPayment(),
        new PaymentConfirmed(RequestId, "PAY-1", Fee, Fee, PaymentsSystem, PaidAt),
        new StepEntered(RequestId, 0, Molg, PaidAt),
        new SlaClockStarted(RequestId, PaidAt, DueDate),
    ];

    public object[] AssignedAtMolg() =>
    [
        .. InReviewAtMolg(),
        new RequestAssigned(RequestId, 0, Molg, MolgOfficer.Subject, AssignmentMode.Claimed, MolgOfficer, Jan(11)),
    ];

    /// <summary>Information requested on Mon 12 Jan.</summary>
    public object[] AwaitingApplicant() =>
    [
        .. AssignedAtMolg(),
        new InformationRequested(RequestId, InfoRequestId, "Please upload the site plan", MolgOfficer, Jan(12, 10)),
    ];

    public object[] ReferredToHealth() =>
    [
        .. AssignedAtMolg(),
        new RequestReferred(RequestId, Molg, Health, "Sewage connection", MolgOfficer, Jan(12)),
    ];

    public object[] AtCivilDefence() =>
    [
        .. AssignedAtMolg(),
        new StepCompleted(RequestId, 0, Molg, "Site plan conforms", MolgOfficer, Jan(12)),
        new StepEntered(RequestId, 1, CivilDefence, Jan(12)),
    ];

    public object[] AssignedAtCivilDefence() =>
    [
        .. AtCivilDefence(),
        new RequestAssigned(RequestId, 1, CivilDefence, CdOfficer.Subject, AssignmentMode.Claimed, CdOfficer, Jan(13)),
    ];

    public object[] Proposed(DecisionOutcome outcome) =>
    [
        .. AssignedAtCivilDefence(),
        outcome == DecisionOutcome.Approve
            ? new DecisionProposed(RequestId, outcome, null, "Fire exits adequate", CdOfficer, Jan(14))
            : new DecisionProposed(RequestId, outcome, "failed-inspection", "No fire exit", CdOfficer, Jan(14)),
    ];

    public DateTimeOffset DecidedAt => SecondApprover ? Jan(14, 12) : Jan(14);

    public object[] Approved() => SecondApprover
        ? [.. Proposed(DecisionOutcome.Approve), new RequestApproved(RequestId, "Fire exits adequate", CdOfficer.Subject, CdSupervisor, DecidedAt)]
        : [.. AssignedAtCivilDefence(), new RequestApproved(RequestId, "Fire exits adequate", null, CdOfficer, DecidedAt)];

    public object[] Rejected() => SecondApprover
        ? [.. Proposed(DecisionOutcome.Reject), new RequestRejected(RequestId, "failed-inspection", "No fire exit", CdOfficer.Subject, CdSupervisor, DecidedAt)]
        : [.. AssignedAtCivilDefence(), new RequestRejected(RequestId, "failed-inspection", "No fire exit", null, CdOfficer, DecidedAt)];

    public object[] Issued() =>
    [
        .. Approved(),
        new DocumentIssued(RequestId, VerificationCode, ServiceCode, CdOfficer, Jan(15)),
    ];

    public object[] Reopened() =>
    [
        .. Rejected(),
        new RequestReopened(RequestId, "A fire exit was added", Applicant, Jan(20)),
        new StepEntered(RequestId, 1, CivilDefence, Jan(20)),
    ];

    public object[] Withdrawn() =>
    [
        .. InReviewAtMolg(),
        new RequestWithdrawn(RequestId, "Changed my mind", Applicant, Jan(11)),
    ];

    public object[] Abandoned() =>
    [
        .. AwaitingPayment(),
        new RequestAbandoned(RequestId, AbandonReason.PaymentNotReceived, Jan(25)),
    ];

    public object[] ClosedAfterIssue() =>
    [
        .. Issued(),
        new RequestClosed(RequestId, ServiceRequestStatus.Issued, DecidedAt + AppealWindow),
    ];
}
