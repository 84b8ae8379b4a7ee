using MyGovernment.Domain.Common;
using MyGovernment.Domain.ServiceRequests;
using Shouldly;
using static MyGovernment.Domain.Tests.ServiceRequests.GivenWhenThen;
using static MyGovernment.Domain.Tests.ServiceRequests.History;
using static MyGovernment.Domain.Tests.ServiceRequests.People;

namespace MyGovernment.Domain.Tests.ServiceRequests;

public sealed class AssignmentTests
{
    private static readonly History Permit = new();
    private static readonly History Assisted = new(Channel: SubmissionChannel.Assisted);

    private static IReadOnlyList<object> Claim(object[] history, Actor officer) =>
        AssignmentDecisions.Claim(Given(history), officer, Jan(11));

    private static IReadOnlyList<object> Assign(object[] history, string officerId, Actor by, AssignmentMode mode = AssignmentMode.AssignedBySupervisor) =>
        AssignmentDecisions.Assign(Given(history), officerId, mode, by, Jan(11));

    [Fact]
    public void An_officer_of_the_current_step_claims_an_unassigned_request()
    {
        var events = Claim(Permit.InReviewAtMolg(), MolgOfficer);

        events.Then(new RequestAssigned(RequestId, 0, Molg, "molg-1", AssignmentMode.Claimed, MolgOfficer, Jan(11)));
        Permit.InReviewAtMolg().After(events).AssignedTo.ShouldBe("molg-1");
    }

    [Fact]
    public void Claiming_ones_own_claim_again_changes_nothing() =>
        Claim(Permit.AssignedAtMolg(), MolgOfficer).ThenNothing();

    [Fact]
    public void A_request_held_by_another_officer_cannot_be_claimed() =>
        ThenRefused(() => Claim(Permit.AssignedAtMolg(), MolgOfficer2), "already_assigned");

    [Fact]
    public void Staff_of_another_department_and_citizens_cannot_claim()
    {
        ThenRefused(() => Claim(Permit.InReviewAtMolg(), CdOfficer), "wrong_department");
        ThenRefused(() => Claim(Permit.InReviewAtMolg(), Applicant), "wrong_department");
        ThenRefused(() => Claim(Permit.InReviewAtMolg(), HealthOfficer), "wrong_department");
    }

    [Fact]
    public void An_officer_cannot_claim_their_own_request() =>
        ThenRefused(() => Claim(Permit.InReviewAtMolg(), OfficerWhoIsTheApplicant), "self_dealing");

    [Fact]
    public void The_officer_who_submitted_on_the_assisted_channel_cannot_claim_it() =>
        ThenRefused(() => Claim(Assisted.InReviewAtMolg(), CounterClerk), "assisted_submitter");

    [Fact]
    public void The_assisted_submitter_cannot_claim_it_under_a_second_account_with_the_same_national_id()
    {
        ThenRefused(() => Claim(Assisted.InReviewAtMolg(), CounterClerk with { Subject = "molg-desk-alt" }), "assisted_submitter");
        ThenRefused(() => AssignmentDecisions.Assign(Given(Assisted.InReviewAtMolg()), "molg-desk-alt", AssignmentMode.AssignedBySupervisor, MolgSupervisor, Jan(11),
            officerNationalId: CounterClerk.NationalId), "self_dealing");
    }

    [Fact]
    public void An_unpaid_request_cannot_be_claimed() =>
        ThenRefused(() => Claim(Permit.AwaitingPayment(), MolgOfficer), "fee_not_paid");

    [Fact]
    public void A_request_waiting_for_the_applicant_or_referred_out_cannot_be_claimed()
    {
        ThenRefused(() => Claim(Permit.AwaitingApplicant(), MolgOfficer2), "invalid_status");
        ThenRefused(() => Claim(Permit.ReferredToHealth(), MolgOfficer2), "invalid_status");
    }

    [Fact]
    public void A_withdrawn_request_cannot_be_claimed() =>
        ThenRefused(() => Claim(Permit.Withdrawn(), MolgOfficer), "request_closed");

    [Fact]
    public void A_supervisor_of_the_step_assigns_and_reassigns()
    {
        Assign(Permit.InReviewAtMolg(), "molg-2", MolgSupervisor)
            .Then(new RequestAssigned(RequestId, 0, Molg, "molg-2", AssignmentMode.AssignedBySupervisor, MolgSupervisor, Jan(11)));

        var reassigned = Assign(Permit.AssignedAtMolg(), "molg-2", MolgSupervisor);
        Permit.AssignedAtMolg().After(reassigned).AssignedTo.ShouldBe("molg-2");
    }

    [Fact]
    public void Only_an_officer_on_the_roster_can_be_assigned_and_the_request_and_caller_are_checked_first()
    {
        static IReadOnlyList<object> Unlisted(object[] history, Actor by) =>
            AssignmentDecisions.Assign(Given(history), "molg-9", AssignmentMode.AssignedBySupervisor, by, Jan(11), onRoster: false);

        ThenRefused(() => Unlisted(Permit.InReviewAtMolg(), MolgSupervisor), "officer_not_on_roster");
        ThenRefused(() => Unlisted(Permit.Withdrawn(), MolgSupervisor), "request_closed");
        ThenRefused(() => Unlisted(Permit.InReviewAtMolg(), MolgOfficer), "supervisor_required");
    }

    [Fact]
    public void Assigning_to_the_officer_who_already_holds_it_changes_nothing() =>
        Assign(Permit.AssignedAtMolg(), "molg-1", MolgSupervisor).ThenNothing();

    [Fact]
    public void The_automatic_assigner_needs_no_supervisor() =>
        Assign(Permit.InReviewAtMolg(), "molg-2", Actor.System, AssignmentMode.Automatic)
            .Then(new RequestAssigned(RequestId, 0, Molg, "molg-2", AssignmentMode.Automatic, Actor.System, Jan(11)));

    [Fact]
    public void Only_a_supervisor_of_the_current_step_assigns()
    {
        ThenRefused(() => Assign(Permit.InReviewAtMolg(), "molg-2", MolgOfficer), "supervisor_required");
        ThenRefused(() => Assign(Permit.InReviewAtMolg(), "molg-2", CdSupervisor), "supervisor_required");
    }

    [Fact]
    public void A_person_cannot_dress_up_an_assignment_as_automatic_or_claimed()
    {
        ThenRefused(() => Assign(Permit.InReviewAtMolg(), "molg-2", OfficerWhoIsTheApplicant, AssignmentMode.Automatic), "supervisor_required");
        ThenRefused(() => Assign(Permit.InReviewAtMolg(), "molg-2", MolgOfficer, AssignmentMode.Claimed), "supervisor_required");
    }

    [Fact]
    public void A_supervisor_who_is_the_applicant_cannot_hand_their_own_request_to_a_colleague()
    {
        object[] atCivilDefence = Permit.AtCivilDefence();

        ThenRefused(() => Assign(atCivilDefence, "cd-2", SupervisorWhoIsTheApplicant), "self_dealing");
    }

    [Fact]
    public void A_request_is_never_assigned_to_its_applicant_or_its_assisted_submitter()
    {
        ThenRefused(() => Assign(Permit.InReviewAtMolg(), ApplicantId, MolgSupervisor), "self_dealing");
        ThenRefused(() => Assign(Permit.InReviewAtMolg(), Applicant.Subject, MolgSupervisor), "self_dealing");
        ThenRefused(() => Assign(Assisted.InReviewAtMolg(), CounterClerk.Subject, MolgSupervisor), "self_dealing");
    }

    [Fact]
    public void An_unpaid_or_decided_request_cannot_be_assigned()
    {
        ThenRefused(() => Assign(Permit.AwaitingPayment(), "molg-2", MolgSupervisor), "invalid_status");
        ThenRefused(() => Assign(Permit.Approved(), "cd-2", CdSupervisor), "invalid_status");
        ThenRefused(() => Assign(Permit.Rejected(), "cd-2", CdSupervisor), "invalid_status");
    }

    [Fact]
    public void A_closed_request_cannot_be_assigned() =>
        ThenRefused(() => Assign(Permit.ClosedAfterIssue(), "cd-2", CdSupervisor), "request_closed");
}
