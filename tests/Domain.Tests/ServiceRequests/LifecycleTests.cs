using MyGovernment.Domain.Catalog;
using MyGovernment.Domain.Common;
using MyGovernment.Domain.ServiceRequests;
using Shouldly;
using static MyGovernment.Domain.Tests.ServiceRequests.GivenWhenThen;
using static MyGovernment.Domain.Tests.ServiceRequests.History;
using static MyGovernment.Domain.Tests.ServiceRequests.People;

namespace MyGovernment.Domain.Tests.ServiceRequests;

/// <summary>Withdrawal, the timers, the appeal window and the SLA check.</summary>
public sealed class LifecycleTests
{
    private static readonly History Permit = new();
    private static readonly History MakerChecker = new(SecondApprover: true);
    private static readonly Guid OtherInfoRequest = Guid.Parse("0190a000-0000-7000-8000-0000000000b2");

    public static TheoryData<string> Undecided => ["AwaitingPayment", "InReviewAtMolg", "AwaitingApplicant", "ReferredToHealth", "AtCivilDefence", "Proposed"];

    private static object[] At(string state) => state switch
    {
        "AwaitingPayment" => Permit.AwaitingPayment(),
        "InReviewAtMolg" => Permit.InReviewAtMolg(),
        "AwaitingApplicant" => Permit.AwaitingApplicant(),
        "ReferredToHealth" => Permit.ReferredToHealth(),
        "AtCivilDefence" => Permit.AtCivilDefence(),
        "Proposed" => MakerChecker.Proposed(DecisionOutcome.Approve),
        _ => throw new ArgumentOutOfRangeException(nameof(state)),
    };

    [Theory]
    [MemberData(nameof(Undecided))]
    public void The_applicant_withdraws_before_the_decision(string state)
    {
        var events = LifecycleDecisions.Withdraw(Given(At(state)), " Changed my mind ", Applicant, Jan(16));

        events.Then(new RequestWithdrawn(RequestId, "Changed my mind", Applicant, Jan(16)));
        At(state).After(events).Status.ShouldBe(ServiceRequestStatus.Withdrawn);
    }

    [Fact]
    public void On_the_assisted_channel_the_applicant_withdraws_but_not_the_clerk()
    {
        var assisted = new History(Channel: SubmissionChannel.Assisted);

        LifecycleDecisions.Withdraw(Given(assisted.InReviewAtMolg()), "", Applicant, Jan(16)).Single().ShouldBeOfType<RequestWithdrawn>();
        Should.Throw<NotFoundException>(() => LifecycleDecisions.Withdraw(Given(assisted.InReviewAtMolg()), "", CounterClerk, Jan(16)));
    }

    [Fact]
    public void A_decided_request_cannot_be_withdrawn()
    {
        ThenRefused(() => LifecycleDecisions.Withdraw(Given(Permit.Approved()), "", Applicant, Jan(16)), "already_decided");
        ThenRefused(() => LifecycleDecisions.Withdraw(Given(Permit.Rejected()), "", Applicant, Jan(16)), "already_decided");
        ThenRefused(() => LifecycleDecisions.Withdraw(Given(Permit.Issued()), "", Applicant, Jan(16)), "already_decided");
    }

    [Fact]
    public void A_request_withdrawn_or_closed_cannot_be_withdrawn_again()
    {
        ThenRefused(() => LifecycleDecisions.Withdraw(Given(Permit.Withdrawn()), "", Applicant, Jan(16)), "request_closed");
        ThenRefused(() => LifecycleDecisions.Withdraw(Given(Permit.Abandoned()), "", Applicant, Jan(26)), "request_closed");
    }

    [Fact]
    public void Nobody_but_the_applicant_withdraws_and_others_do_not_learn_the_request_exists()
    {
        Should.Throw<NotFoundException>(() => LifecycleDecisions.Withdraw(Given(Permit.InReviewAtMolg()), "", Stranger, Jan(16)));
        Should.Throw<NotFoundException>(() => LifecycleDecisions.Withdraw(Given(Permit.InReviewAtMolg()), "", MolgOfficer, Jan(16)));
    }

    [Fact]
    public void An_unpaid_request_is_abandoned_when_the_payment_timer_fires()
    {
        var events = LifecycleDecisions.AbandonIfUnpaid(Given(Permit.AwaitingPayment()), Jan(25));

        events.Then(new RequestAbandoned(RequestId, AbandonReason.PaymentNotReceived, Jan(25)));
        Permit.AwaitingPayment().After(events).Status.ShouldBe(ServiceRequestStatus.Abandoned);
    }

    [Fact]
    public void A_partly_paid_request_is_abandoned_too() =>
        LifecycleDecisions.AbandonIfUnpaid(
                Given([.. Permit.AwaitingPayment(), new PaymentConfirmed(RequestId, "PAY-1", Money.Ils(1m), Money.Ils(1m), PaymentsSystem, Jan(5))]), Jan(25))
            .Single().ShouldBeOfType<RequestAbandoned>();

    [Fact]
    public void The_payment_timer_is_moot_once_paid_or_withdrawn()
    {
        LifecycleDecisions.AbandonIfUnpaid(Given(Permit.InReviewAtMolg()), Jan(25)).ThenNothing();
        LifecycleDecisions.AbandonIfUnpaid(Given([.. Permit.AwaitingPayment(), new RequestWithdrawn(RequestId, "", Applicant, Jan(5))]), Jan(25)).ThenNothing();
    }

    [Fact]
    public void A_request_whose_applicant_never_answered_is_abandoned()
    {
        var events = LifecycleDecisions.AbandonIfNoResponse(Given(Permit.AwaitingApplicant()), InfoRequestId, Jan(28));

        events.Then(new RequestAbandoned(RequestId, AbandonReason.ApplicantDidNotRespond, Jan(28)));
        Permit.AwaitingApplicant().After(events).Status.ShouldBe(ServiceRequestStatus.Abandoned);
    }

    [Fact]
    public void The_response_timer_of_another_or_an_answered_information_request_is_moot()
    {
        LifecycleDecisions.AbandonIfNoResponse(Given(Permit.AwaitingApplicant()), OtherInfoRequest, Jan(28)).ThenNothing();
        object[] answered =
        [
            .. Permit.AwaitingApplicant(),
            new ApplicantResponded(RequestId, InfoRequestId, "Here", [], 1, new DateOnly(2026, 1, 18), Applicant, Jan(13)),
        ];
        LifecycleDecisions.AbandonIfNoResponse(Given(answered), InfoRequestId, Jan(28)).ThenNothing();
    }

    [Fact]
    public void A_rejection_closes_once_the_appeal_window_has_passed_and_keeps_its_outcome()
    {
        var decided = Permit.DecidedAt;

        LifecycleDecisions.CloseAfterAppealWindow(Given(Permit.Rejected()), AppealWindow, decided + AppealWindow - TimeSpan.FromMinutes(1)).ThenNothing();
        var events = LifecycleDecisions.CloseAfterAppealWindow(Given(Permit.Rejected()), AppealWindow, decided + AppealWindow);

        events.Then(new RequestClosed(RequestId, ServiceRequestStatus.Rejected, decided + AppealWindow));
        Permit.Rejected().After(events).Status.ShouldBe(ServiceRequestStatus.Closed);
    }

    [Fact]
    public void An_issued_request_closes_after_the_window()
    {
        var at = Permit.DecidedAt + AppealWindow + TimeSpan.FromDays(1);

        LifecycleDecisions.CloseAfterAppealWindow(Given(Permit.Issued()), AppealWindow, at)
            .Then(new RequestClosed(RequestId, ServiceRequestStatus.Issued, at));
    }

    [Fact]
    public void The_close_timer_is_moot_for_undecided_not_yet_issued_or_already_closed_requests()
    {
        var late = Jan(14) + AppealWindow + AppealWindow;

        LifecycleDecisions.CloseAfterAppealWindow(Given(Permit.AssignedAtCivilDefence()), AppealWindow, late).ThenNothing();
        LifecycleDecisions.CloseAfterAppealWindow(Given(Permit.Approved()), AppealWindow, late).ThenNothing();
        LifecycleDecisions.CloseAfterAppealWindow(Given(Permit.ClosedAfterIssue()), AppealWindow, late).ThenNothing();
        LifecycleDecisions.CloseAfterAppealWindow(Given(Permit.Reopened()), AppealWindow, late).ThenNothing();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void An_appeal_within_the_window_sends_the_request_back_to_the_last_step_disputed(bool secondApprover)
    {
        var permit = new History(SecondApprover: secondApprover);
        var events = LifecycleDecisions.Reopen(Given(permit.Rejected()), "A fire exit was added", Applicant, AppealWindow, Jan(20), WorkingCalendar.Standard);

        events.Then(
            new RequestReopened(RequestId, "A fire exit was added", Applicant, Jan(20)),
            new StepEntered(RequestId, 1, People.CivilDefence, Jan(20)),
            // A fresh SLA clock: Tuesday 20 January plus five working days (Sunday-Thursday) is Tuesday 27.
            new SlaClockStarted(RequestId, Jan(20), new DateOnly(2026, 1, 27)));
        var state = permit.Rejected().After(events);
        state.Status.ShouldBe(ServiceRequestStatus.Reopened);
        state.Flags.HasFlag(RequestFlags.Disputed).ShouldBeTrue();
        state.CurrentStep.ShouldBe(1);
        state.CurrentDepartment.ShouldBe(People.CivilDefence);
        state.AssignedTo.ShouldBeNull();
        state.DecidedAt.ShouldBeNull();
    }

    [Fact]
    public void A_reopened_request_is_claimed_and_decided_again_at_the_last_step()
    {
        var reopened = Given(Permit.Reopened());
        var claimed = AssignmentDecisions.Claim(reopened, CdOfficer2, Jan(21));
        var state = Permit.Reopened().After(claimed);
        state.Status.ShouldBe(ServiceRequestStatus.Reopened);

        var decided = DecidingDecisions.Propose(state, DecisionOutcome.Approve, null, "Fire exit verified", CdOfficer2, Jan(22));

        decided.Then(new RequestApproved(RequestId, "Fire exit verified", null, CdOfficer2, Jan(22)));
        ThenRefused(() => ReviewDecisions.CompleteStep(state, "done", CdOfficer2, Jan(22)), "last_step_needs_decision");
    }

    [Fact]
    public void An_appeal_after_the_window_is_refused() =>
        ThenRefused(
            () => LifecycleDecisions.Reopen(Given(Permit.Rejected()), "late", Applicant, AppealWindow, Permit.DecidedAt + AppealWindow + TimeSpan.FromSeconds(1), WorkingCalendar.Standard),
            "appeal_window_over");

    [Fact]
    public void Only_a_rejection_is_appealed()
    {
        ThenRefused(() => LifecycleDecisions.Reopen(Given(Permit.Approved()), "why", Applicant, AppealWindow, Jan(20), WorkingCalendar.Standard), "not_rejected");
        ThenRefused(() => LifecycleDecisions.Reopen(Given(Permit.Issued()), "why", Applicant, AppealWindow, Jan(20), WorkingCalendar.Standard), "not_rejected");
        ThenRefused(() => LifecycleDecisions.Reopen(Given(Permit.Reopened()), "again", Applicant, AppealWindow, Jan(21), WorkingCalendar.Standard), "not_rejected");
        ThenRefused(() => LifecycleDecisions.Reopen(Given(Permit.InReviewAtMolg()), "why", Applicant, AppealWindow, Jan(20), WorkingCalendar.Standard), "not_rejected");
    }

    [Fact]
    public void A_closed_rejection_cannot_be_appealed()
    {
        object[] closed = [.. Permit.Rejected(), new RequestClosed(RequestId, ServiceRequestStatus.Rejected, Permit.DecidedAt + AppealWindow)];

        ThenRefused(() => LifecycleDecisions.Reopen(Given(closed), "late", Applicant, AppealWindow, Jan(20), WorkingCalendar.Standard), "request_closed");
    }

    [Fact]
    public void Only_the_applicant_appeals()
    {
        Should.Throw<NotFoundException>(() => LifecycleDecisions.Reopen(Given(Permit.Rejected()), "x", Stranger, AppealWindow, Jan(20), WorkingCalendar.Standard));
        Should.Throw<NotFoundException>(() => LifecycleDecisions.Reopen(Given(Permit.Rejected()), "x", CdSupervisor, AppealWindow, Jan(20), WorkingCalendar.Standard));
    }

    [Fact]
    public void A_request_past_its_due_date_is_marked_overdue_and_escalated_once()
    {
        // Due Thu 15 Jan; on Fri 16 it is late.
        var events = LifecycleDecisions.CheckSla(Given(Permit.AssignedAtMolg()), Jan(16));

        events.Then(
            new RequestMarkedOverdue(RequestId, new DateOnly(2026, 1, 15), Jan(16)),
            new RequestEscalated(RequestId, Molg, "SLA due date passed", Actor.System, Jan(16)));
        var state = Permit.AssignedAtMolg().After(events);
        state.Flags.ShouldBe(RequestFlags.Overdue | RequestFlags.Escalated);
        LifecycleDecisions.CheckSla(state, Jan(19)).ThenNothing();
    }

    [Fact]
    public void A_request_is_not_overdue_on_its_due_date() =>
        LifecycleDecisions.CheckSla(Given(Permit.AssignedAtMolg()), Jan(15, 23, 59)).ThenNothing();

    [Fact]
    public void The_due_date_is_the_local_date_so_late_evening_utc_already_counts_as_the_next_day() =>
        // 22:30 UTC on Thu 15 is 00:30 on Fri 16 in Palestine.
        LifecycleDecisions.CheckSla(Given(Permit.AssignedAtMolg()), new DateTimeOffset(2026, 1, 15, 22, 30, 0, TimeSpan.Zero)).Count.ShouldBe(2);

    [Fact]
    public void A_paused_clock_is_never_overdue() =>
        LifecycleDecisions.CheckSla(Given(Permit.AwaitingApplicant()), Jan(26)).ThenNothing();

    [Fact]
    public void The_SLA_check_ignores_unpaid_and_decided_requests()
    {
        LifecycleDecisions.CheckSla(Given(Permit.AwaitingPayment()), Jan(26)).ThenNothing();
        LifecycleDecisions.CheckSla(Given(Permit.Approved()), Jan(26)).ThenNothing();
        LifecycleDecisions.CheckSla(Given(Permit.Withdrawn()), Jan(26)).ThenNothing();
    }

    [Fact]
    public void A_referred_request_still_runs_its_clock_and_escalates_in_the_holding_department() =>
        LifecycleDecisions.CheckSla(Given(Permit.ReferredToHealth()), Jan(18)).OfType<RequestEscalated>().Single().DepartmentCode.ShouldBe(Molg);
}

public sealed class WriteModelVersionTests
{
    [Fact]
    public void The_folded_state_knows_how_many_events_it_reflects()
    {
        var permit = new History();

        Given(permit.AwaitingPayment()).Version.ShouldBe(permit.AwaitingPayment().Length);
        Given(permit.AssignedAtMolg()).Version.ShouldBe(permit.AssignedAtMolg().Length);
        Given(permit.Withdrawn()).Version.ShouldBe(permit.Withdrawn().Length);
    }

    [Fact]
    public void Folding_never_changes_a_state_already_handed_out()
    {
        // Evolve writes the version into the copy it makes; every earlier state must keep its own, and so must a
        // state folded with an event that changes nothing else (returned as a copy, never as the same object).
        var history = new History().Withdrawn();
        var states = new List<ServiceRequest>();
        ServiceRequest? state = null;
        foreach (var e in history.Append(new object()))
        {
            state = ServiceRequest.Evolve(state, e)!;
            states.Add(state);
        }

        states.Select(s => s.Version).ShouldBe(Enumerable.Range(1, history.Length + 1).Select(v => (long)v));
        states.Distinct(ReferenceEqualityComparer.Instance).Count().ShouldBe(states.Count);
        (states[^1].Status, states[^1].Flags, states[^1].Documents).ShouldBe((states[^2].Status, states[^2].Flags, states[^2].Documents));
    }
}
