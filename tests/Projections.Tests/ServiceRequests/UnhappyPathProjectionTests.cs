using System.Text.Json;
using MyGovernment.Domain.Common;
using MyGovernment.Domain.ServiceRequests;
using Shouldly;
using static MyGovernment.Projections.Tests.ServiceRequests.EventSequence;

namespace MyGovernment.Projections.Tests.ServiceRequests;

/// <summary>
/// The request read model from event sequences that leave the happy path: referrals, withdrawal, abandonment, a
/// returned proposal, overdue and escalation, rejection and reopening, revocation; plus multi-step hand-over and the
/// SLA verdict recorded with each decision.
/// </summary>
public sealed class UnhappyPathProjectionTests
{
    private static readonly DateTimeOffset T0 = new(2026, 2, 1, 8, 0, 0, TimeSpan.Zero); // a Sunday
    private static readonly Actor Citizen = new("citizen-1", "citizen", null, "123456782");
    private static readonly Actor Officer = new("officer-1", "officer", "MOLG");
    private static readonly Actor Supervisor = new("supervisor-1", "supervisor", "MOLG");
    private static readonly Actor CivilDefence = new("cd-1", "officer", "CIVIL-DEFENCE");

    private static ServiceRequestSubmitted Submitted(params string[] steps) => new(
        RequestId, "BUILDING-PERMIT", new("ر", "Building permit"), "123456782", Citizen, SubmissionChannel.Online,
        new Dictionary<string, string> { ["floors"] = "2" }, false, steps.Length == 0 ? ["MOLG"] : steps, false, 4, T0);

    /// <summary>Submitted, queued at MOLG, SLA due on Thursday, claimed by officer-1.</summary>
    private static object[] InReview(params string[] steps) =>
    [
        Submitted(steps),
        new StepEntered(RequestId, 0, "MOLG", T0),
        new SlaClockStarted(RequestId, T0, new DateOnly(2026, 2, 5)),
        new RequestAssigned(RequestId, 0, "MOLG", "officer-1", AssignmentMode.Claimed, Officer, T0.AddMinutes(5)),
    ];

    [Fact]
    public void A_referral_shows_the_consulted_department_and_its_return_puts_the_request_back_in_review_with_the_same_holder()
    {
        var referred = Fold([.. InReview(), new RequestReferred(RequestId, "MOLG", "CIVIL-DEFENCE", "Fire exits", Officer, T0.AddHours(2))]);
        referred.Status.ShouldBe(ServiceRequestStatus.Referred);
        referred.ReferredTo.ShouldBe("CIVIL-DEFENCE");
        referred.CurrentDepartment.ShouldBe("MOLG");
        referred.AssignedTo.ShouldBe("officer-1");
        referred.LastChangedAt.ShouldBe(T0.AddHours(2));

        var returned = Fold([.. InReview(),
            new RequestReferred(RequestId, "MOLG", "CIVIL-DEFENCE", "Fire exits", Officer, T0.AddHours(2)),
            new ReferralReturned(RequestId, "CIVIL-DEFENCE", "Exits are fine", CivilDefence, T0.AddDays(1))]);
        returned.Status.ShouldBe(ServiceRequestStatus.InReview);
        returned.ReferredTo.ShouldBeNull();
        returned.AssignedTo.ShouldBe("officer-1");
        returned.Version.ShouldBe(6);
        returned.SlaDueDate.ShouldBe(new DateOnly(2026, 2, 5));
    }

    [Fact]
    public void A_withdrawal_keeps_where_the_request_was_and_ends_it()
    {
        var view = Fold([.. InReview(), new RequestWithdrawn(RequestId, "No longer needed", Citizen, T0.AddDays(1))]);

        view.Status.ShouldBe(ServiceRequestStatus.Withdrawn);
        view.Decision.ShouldBeNull();
        view.CurrentDepartment.ShouldBe("MOLG");
        view.LastChangedAt.ShouldBe(T0.AddDays(1));
        view.Version.ShouldBe(5);
    }

    [Fact]
    public void An_unanswered_information_request_abandons_the_request_and_stays_paused()
    {
        var infoId = Guid.Parse("0190a000-0000-7000-8000-0000000000cc");
        var view = Fold([.. InReview(),
            new InformationRequested(RequestId, infoId, "Survey map", Officer, T0.AddHours(1)),
            new RequestAbandoned(RequestId, AbandonReason.ApplicantDidNotRespond, T0.AddDays(30))]);

        view.Status.ShouldBe(ServiceRequestStatus.Abandoned);
        view.PausedSince.ShouldBe(T0.AddHours(1));
        view.AwaitedFromApplicant!.Id.ShouldBe(infoId);
    }

    [Fact]
    public void A_returned_proposal_clears_it_and_a_confirmed_one_records_the_decision_with_its_department_and_sla_verdict()
    {
        var returned = Fold([.. InReview(),
            new DecisionProposed(RequestId, DecisionOutcome.Approve, null, "Looks fine", Officer, T0.AddDays(1)),
            new DecisionReturned(RequestId, "Check the parcel", Supervisor, T0.AddDays(2))]);
        returned.Status.ShouldBe(ServiceRequestStatus.InReview);
        returned.Proposal.ShouldBeNull();

        var approved = Fold([.. InReview(),
            new DecisionProposed(RequestId, DecisionOutcome.Approve, null, "Looks fine", Officer, T0.AddDays(1)),
            new RequestApproved(RequestId, "Confirmed", "officer-1", Supervisor, T0.AddDays(3))]);
        approved.Status.ShouldBe(ServiceRequestStatus.Approved);
        approved.Proposal.ShouldBeNull();
        approved.Decision!.Department.ShouldBe("MOLG");
        approved.Decision.WithinSla.ShouldBe(true);
        (approved.Decision.DecidedBy, approved.Decision.ProposedBy).ShouldBe(("supervisor-1", "officer-1"));
    }

    [Fact]
    public void A_decision_after_the_due_date_is_recorded_as_outside_the_sla_and_the_request_is_flagged_overdue_and_escalated()
    {
        var view = Fold([.. InReview(),
            new RequestMarkedOverdue(RequestId, new DateOnly(2026, 2, 5), T0.AddDays(5)),
            new RequestEscalated(RequestId, "MOLG", "SLA breached", Actor.System, T0.AddDays(5)),
            new RequestRejected(RequestId, "incomplete", "Missing map", null, Officer, T0.AddDays(6))]);

        view.Flags.ShouldBe(RequestFlags.Overdue | RequestFlags.Escalated);
        view.IsOverdue.ShouldBeTrue();
        view.Status.ShouldBe(ServiceRequestStatus.Rejected);
        view.Decision!.WithinSla.ShouldBe(false);
        view.Decision.ReasonCode.ShouldBe("incomplete");
    }

    [Fact]
    public void The_due_date_is_compared_on_the_palestinian_calendar_not_utc()
    {
        // 22:30 UTC on Thursday 5 February is already Friday in Palestine (UTC+2): one day late.
        var view = Fold([.. InReview(), new RequestRejected(RequestId, "incomplete", "Late", null, Officer, new DateTimeOffset(2026, 2, 5, 22, 30, 0, TimeSpan.Zero))]);
        view.Decision!.WithinSla.ShouldBe(false);
    }

    [Fact]
    public void Completing_a_step_hands_the_request_to_the_next_departments_queue_unassigned_and_keeps_first_eligibility()
    {
        var view = Fold([.. InReview("MOLG", "CIVIL-DEFENCE"),
            new StepCompleted(RequestId, 0, "MOLG", "Plans fine", Officer, T0.AddDays(1)),
            new StepEntered(RequestId, 1, "CIVIL-DEFENCE", T0.AddDays(1))]);

        view.CurrentStep.ShouldBe(1);
        view.CurrentDepartment.ShouldBe("CIVIL-DEFENCE");
        view.AssignedTo.ShouldBeNull();
        view.QueuedAt.ShouldBe(T0.AddDays(1));
        view.EligibleAt.ShouldBe(T0);
    }

    [Fact]
    public void A_rejection_appealed_reopens_the_request_disputed_unassigned_and_a_new_decision_replaces_the_old()
    {
        var view = Fold([.. InReview(),
            new RequestRejected(RequestId, "ineligible", "No", null, Officer, T0.AddDays(1)),
            new RequestReopened(RequestId, "Wrong parcel", Citizen, T0.AddDays(2)),
            new StepEntered(RequestId, 0, "MOLG", T0.AddDays(2))]);
        view.Status.ShouldBe(ServiceRequestStatus.Reopened);
        view.Flags.ShouldBe(RequestFlags.Disputed);
        view.AssignedTo.ShouldBeNull();
        view.Decision!.Outcome.ShouldBe(DecisionOutcome.Reject);

        var decidedAgain = Fold([.. InReview(),
            new RequestRejected(RequestId, "ineligible", "No", null, Officer, T0.AddDays(1)),
            new RequestReopened(RequestId, "Wrong parcel", Citizen, T0.AddDays(2)),
            new StepEntered(RequestId, 0, "MOLG", T0.AddDays(2)),
            new RequestApproved(RequestId, "On appeal", null, Supervisor, T0.AddDays(3))]);
        decidedAgain.Decision!.Outcome.ShouldBe(DecisionOutcome.Approve);
        decidedAgain.Status.ShouldBe(ServiceRequestStatus.Approved);
    }

    [Fact]
    public void An_issued_then_revoked_document_keeps_its_code_and_is_flagged_revoked()
    {
        var view = Fold([.. InReview(),
            new RequestApproved(RequestId, "OK", null, Officer, T0.AddDays(1)),
            new DocumentIssued(RequestId, "ABCDEFGH23456789", "BUILDING-PERMIT", Officer, T0.AddDays(1).AddHours(1)),
            new DocumentRevoked(RequestId, "ABCDEFGH23456789", "Issued in error", Supervisor, T0.AddDays(4))]);

        view.Status.ShouldBe(ServiceRequestStatus.Issued);
        view.VerificationCode.ShouldBe("ABCDEFGH23456789");
        view.IssuedAt.ShouldBe(T0.AddDays(1).AddHours(1));
        view.Flags.ShouldBe(RequestFlags.Revoked);
    }

    [Fact]
    public void Folding_the_same_unhappy_sequence_twice_gives_byte_identical_rows()
    {
        object[] events = [.. InReview(),
            new RequestReferred(RequestId, "MOLG", "CIVIL-DEFENCE", "Fire exits", Officer, T0.AddHours(2)),
            new ReferralReturned(RequestId, "CIVIL-DEFENCE", "Fine", CivilDefence, T0.AddDays(1)),
            new RequestMarkedOverdue(RequestId, new DateOnly(2026, 2, 5), T0.AddDays(5)),
            new RequestRejected(RequestId, "incomplete", "Late", null, Officer, T0.AddDays(6)),
            new RequestReopened(RequestId, "Appeal", Citizen, T0.AddDays(7)),
            new RequestWithdrawn(RequestId, "Gave up", Citizen, T0.AddDays(8))];

        JsonSerializer.Serialize(Fold(events)).ShouldBe(JsonSerializer.Serialize(Fold(events)));
    }
}
