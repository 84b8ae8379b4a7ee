using MyGovernment.Domain.Common;
using MyGovernment.Domain.ServiceRequests;
using Shouldly;
using static MyGovernment.Domain.Tests.ServiceRequests.GivenWhenThen;
using static MyGovernment.Domain.Tests.ServiceRequests.History;
using static MyGovernment.Domain.Tests.ServiceRequests.People;

namespace MyGovernment.Domain.Tests.ServiceRequests;

public sealed class DecidingTests
{
    private static readonly History SingleOfficer = new();
    private static readonly History MakerChecker = new(SecondApprover: true);

    private static IReadOnlyList<object> Propose(object[] history, DecisionOutcome outcome, string? reasonCode, Actor officer, string note = "Fire exits adequate") =>
        DecidingDecisions.Propose(Given(history), outcome, reasonCode, note, officer, Jan(14));

    [Fact]
    public void Without_a_second_approver_the_assignee_approves_at_the_last_step()
    {
        var events = Propose(SingleOfficer.AssignedAtCivilDefence(), DecisionOutcome.Approve, null, CdOfficer);

        events.Then(new RequestApproved(RequestId, "Fire exits adequate", null, CdOfficer, Jan(14)));
        var state = SingleOfficer.AssignedAtCivilDefence().After(events);
        state.Status.ShouldBe(ServiceRequestStatus.Approved);
        state.DecidedAt.ShouldBe(Jan(14));
    }

    [Fact]
    public void Without_a_second_approver_the_assignee_rejects_with_a_reason_code_at_any_step()
    {
        var events = Propose(SingleOfficer.AssignedAtMolg(), DecisionOutcome.Reject, "incomplete-documents", MolgOfficer, "No site plan");

        events.Then(new RequestRejected(RequestId, "incomplete-documents", "No site plan", null, MolgOfficer, Jan(14)));
        SingleOfficer.AssignedAtMolg().After(events).Status.ShouldBe(ServiceRequestStatus.Rejected);
    }

    [Fact]
    public void An_approval_drops_any_reason_code_it_was_given() =>
        Propose(SingleOfficer.AssignedAtCivilDefence(), DecisionOutcome.Approve, "ineligible", CdOfficer)
            .Then(new RequestApproved(RequestId, "Fire exits adequate", null, CdOfficer, Jan(14)));

    [Fact]
    public void Approval_happens_only_at_the_last_step() =>
        ThenRefused(() => Propose(SingleOfficer.AssignedAtMolg(), DecisionOutcome.Approve, null, MolgOfficer), "approval_only_at_last_step");

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("because")]
    public void A_rejection_always_names_a_known_reason_code(string? code) =>
        ThenRefused(() => Propose(SingleOfficer.AssignedAtCivilDefence(), DecisionOutcome.Reject, code, CdOfficer), "reason_code_required");

    [Fact]
    public void A_decision_needs_a_note() =>
        Should.Throw<FieldValidationException>(() => Propose(SingleOfficer.AssignedAtCivilDefence(), DecisionOutcome.Approve, null, CdOfficer, note: ""));

    [Fact]
    public void Only_the_assignee_of_the_last_step_decides()
    {
        ThenRefused(() => Propose(SingleOfficer.AssignedAtCivilDefence(), DecisionOutcome.Approve, null, CdOfficer2), "not_assigned");
        ThenRefused(() => Propose(SingleOfficer.AssignedAtCivilDefence(), DecisionOutcome.Approve, null, CdSupervisor), "not_assigned");
        ThenRefused(() => Propose(SingleOfficer.AssignedAtCivilDefence(), DecisionOutcome.Approve, null, MolgOfficer), "wrong_department");
        ThenRefused(() => Propose(SingleOfficer.AtCivilDefence(), DecisionOutcome.Approve, null, CdOfficer), "not_assigned");
    }

    [Fact]
    public void An_unpaid_request_is_never_decided() =>
        ThenRefused(() => Propose(SingleOfficer.AwaitingPayment(), DecisionOutcome.Reject, "ineligible", MolgOfficer), "fee_not_paid");

    [Fact]
    public void With_a_second_approver_the_assignee_only_proposes()
    {
        var events = Propose(MakerChecker.AssignedAtCivilDefence(), DecisionOutcome.Approve, null, CdOfficer);

        events.Then(new DecisionProposed(RequestId, DecisionOutcome.Approve, null, "Fire exits adequate", CdOfficer, Jan(14)));
        var state = MakerChecker.AssignedAtCivilDefence().After(events);
        state.Status.ShouldBe(ServiceRequestStatus.AwaitingApproval);
        state.Proposal.ShouldBe(new PendingDecision(DecisionOutcome.Approve, null, "Fire exits adequate", CdOfficer));
        state.DecidedAt.ShouldBeNull();
    }

    [Fact]
    public void A_different_officer_confirms_the_proposal_and_both_are_recorded()
    {
        var events = DecidingDecisions.Confirm(Given(MakerChecker.Proposed(DecisionOutcome.Approve)), "Agreed", CdSupervisor, Jan(14, 12));

        events.Then(new RequestApproved(RequestId, "Agreed", CdOfficer.Subject, CdSupervisor, Jan(14, 12)));
        var state = MakerChecker.Proposed(DecisionOutcome.Approve).After(events);
        state.Status.ShouldBe(ServiceRequestStatus.Approved);
        state.Proposal.ShouldBeNull();
    }

    [Fact]
    public void A_confirmation_without_a_note_keeps_the_makers_note() =>
        DecidingDecisions.Confirm(Given(MakerChecker.Proposed(DecisionOutcome.Approve)), " ", CdSupervisor, Jan(14, 12))
            .Then(new RequestApproved(RequestId, "Fire exits adequate", CdOfficer.Subject, CdSupervisor, Jan(14, 12)));

    [Fact]
    public void An_officer_who_is_not_a_supervisor_cannot_be_the_checker()
    {
        ThenRefused(() => DecidingDecisions.Confirm(Given(MakerChecker.Proposed(DecisionOutcome.Approve)), "", CdOfficer2, Jan(14, 12)), "supervisor_required");
        ThenRefused(() => DecidingDecisions.Return(Given(MakerChecker.Proposed(DecisionOutcome.Approve)), "why", CdOfficer2, Jan(14, 12)), "supervisor_required");
    }

    [Fact]
    public void A_confirmed_rejection_keeps_the_makers_reason_code() =>
        DecidingDecisions.Confirm(Given(MakerChecker.Proposed(DecisionOutcome.Reject)), "", CdSupervisor, Jan(14, 12))
            .Then(new RequestRejected(RequestId, "failed-inspection", "No fire exit", CdOfficer.Subject, CdSupervisor, Jan(14, 12)));

    [Fact]
    public void The_maker_cannot_be_the_checker()
    {
        ThenRefused(() => DecidingDecisions.Confirm(Given(MakerChecker.Proposed(DecisionOutcome.Approve)), "", CdOfficer, Jan(14, 12)), "maker_checker");
        ThenRefused(() => DecidingDecisions.Return(Given(MakerChecker.Proposed(DecisionOutcome.Approve)), "hmm", CdOfficer, Jan(14, 12)), "maker_checker");
    }

    [Fact]
    public void The_maker_cannot_be_the_checker_under_a_second_account_with_the_same_national_id()
    {
        var makersSupervisorAccount = CdSupervisor with { Subject = "cd-boss-alt", NationalId = CdOfficer.NationalId };

        ThenRefused(() => DecidingDecisions.Confirm(Given(MakerChecker.Proposed(DecisionOutcome.Approve)), "", makersSupervisorAccount, Jan(14, 12)), "maker_checker");
        ThenRefused(() => DecidingDecisions.Return(Given(MakerChecker.Proposed(DecisionOutcome.Approve)), "hmm", makersSupervisorAccount, Jan(14, 12)), "maker_checker");
    }

    [Fact]
    public void The_checker_belongs_to_the_deciding_department_and_is_not_the_applicant()
    {
        object[] proposed = MakerChecker.Proposed(DecisionOutcome.Approve);

        ThenRefused(() => DecidingDecisions.Confirm(Given(proposed), "", MolgSupervisor, Jan(14, 12)), "wrong_department");
        ThenRefused(() => DecidingDecisions.Confirm(Given(proposed), "", Applicant, Jan(14, 12)), "wrong_department");
        ThenRefused(() => DecidingDecisions.Confirm(Given(proposed), "", SupervisorWhoIsTheApplicant, Jan(14, 12)), "self_dealing");
    }

    [Fact]
    public void Nothing_to_confirm_or_return_without_a_pending_proposal()
    {
        ThenRefused(() => DecidingDecisions.Confirm(Given(MakerChecker.AssignedAtCivilDefence()), "", CdSupervisor, Jan(14)), "no_pending_decision");
        ThenRefused(() => DecidingDecisions.Confirm(Given(MakerChecker.Approved()), "", CdSupervisor, Jan(14)), "no_pending_decision");
        ThenRefused(() => DecidingDecisions.Return(Given(MakerChecker.Approved()), "no", CdOfficer2, Jan(14)), "no_pending_decision");
    }

    [Fact]
    public void The_checker_returns_the_proposal_for_more_review_and_the_maker_may_propose_again()
    {
        object[] proposed = MakerChecker.Proposed(DecisionOutcome.Approve);
        var events = DecidingDecisions.Return(Given(proposed), "Check the stairwell", CdSupervisor, Jan(14, 12));

        events.Then(new DecisionReturned(RequestId, "Check the stairwell", CdSupervisor, Jan(14, 12)));
        var state = proposed.After(events);
        state.Status.ShouldBe(ServiceRequestStatus.InReview);
        state.Proposal.ShouldBeNull();
        state.AssignedTo.ShouldBe(CdOfficer.Subject);
        DecidingDecisions.Propose(state, DecisionOutcome.Reject, "failed-inspection", "Stairwell too narrow", CdOfficer, Jan(15)).Count.ShouldBe(1);
    }

    [Fact]
    public void A_pending_proposal_blocks_another_proposal() =>
        ThenRefused(() => Propose(MakerChecker.Proposed(DecisionOutcome.Approve), DecisionOutcome.Reject, "other", CdOfficer), "invalid_status");

    [Fact]
    public void A_decided_request_cannot_be_decided_again()
    {
        ThenRefused(() => Propose(SingleOfficer.Approved(), DecisionOutcome.Reject, "other", CdOfficer), "invalid_status");
        ThenRefused(() => Propose(SingleOfficer.Withdrawn(), DecisionOutcome.Reject, "other", MolgOfficer), "request_closed");
    }
}
