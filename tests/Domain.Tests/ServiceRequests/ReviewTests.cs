using MyGovernment.Domain.Catalog;
using MyGovernment.Domain.Common;
using MyGovernment.Domain.ServiceRequests;
using Shouldly;
using static MyGovernment.Domain.Tests.ServiceRequests.GivenWhenThen;
using static MyGovernment.Domain.Tests.ServiceRequests.History;
using static MyGovernment.Domain.Tests.ServiceRequests.People;

namespace MyGovernment.Domain.Tests.ServiceRequests;

/// <summary>The work of a step: asking the applicant, referring out and back, passing to the next department.</summary>
public sealed class ReviewTests
{
    private static readonly History Permit = new();
    private static readonly History Assisted = new(Channel: SubmissionChannel.Assisted);
    private static readonly DocumentReference SitePlan = new("site-plan", "plan.pdf", "application/pdf", 1024, new string('a', 64));

    private static IReadOnlyList<object> Respond(object[] history, Actor who, DateTimeOffset at, Guid? id = null, WorkingCalendar? calendar = null) =>
        ReviewDecisions.Respond(Given(history), id ?? InfoRequestId, "Uploaded", [SitePlan], who, at, calendar ?? WorkingCalendar.Standard);

    [Fact]
    public void The_assignee_asks_the_applicant_and_the_SLA_clock_pauses()
    {
        var events = ReviewDecisions.RequestInformation(Given(Permit.AssignedAtMolg()), InfoRequestId, " Please upload the site plan ", MolgOfficer, Jan(12, 10));

        events.Then(new InformationRequested(RequestId, InfoRequestId, "Please upload the site plan", MolgOfficer, Jan(12, 10)));
        var state = Permit.AssignedAtMolg().After(events);
        state.Status.ShouldBe(ServiceRequestStatus.AwaitingApplicant);
        state.PausedSince.ShouldBe(Jan(12, 10));
        state.OpenInformationRequest.ShouldBe(InfoRequestId);
    }

    [Fact]
    public void Only_the_assignee_asks_the_applicant()
    {
        ThenRefused(() => ReviewDecisions.RequestInformation(Given(Permit.AssignedAtMolg()), InfoRequestId, "?", MolgOfficer2, Jan(12)), "not_assigned");
        ThenRefused(() => ReviewDecisions.RequestInformation(Given(Permit.InReviewAtMolg()), InfoRequestId, "?", MolgOfficer, Jan(12)), "not_assigned");
        ThenRefused(() => ReviewDecisions.RequestInformation(Given(Permit.AssignedAtMolg()), InfoRequestId, "?", CdOfficer, Jan(12)), "wrong_department");
        ThenRefused(() => ReviewDecisions.RequestInformation(Given(Permit.AwaitingPayment()), InfoRequestId, "?", MolgOfficer, Jan(12)), "fee_not_paid");
    }

    [Fact]
    public void An_information_request_needs_a_message() =>
        Should.Throw<FieldValidationException>(() => ReviewDecisions.RequestInformation(Given(Permit.AssignedAtMolg()), InfoRequestId, "  ", MolgOfficer, Jan(12)))
            .Errors.Keys.ShouldBe(["message"]);

    [Fact]
    public void The_response_resumes_review_and_moves_the_due_date_by_the_working_days_paused()
    {
        // Paused Mon 12 → Wed 14: Tue 13 and Wed 14 were lost, so Thu 15 becomes Mon 19 (the weekend is skipped).
        var events = Respond(Permit.AwaitingApplicant(), Applicant, Jan(14, 16));

        events.Then(new ApplicantResponded(RequestId, InfoRequestId, "Uploaded", [SitePlan], 2, new DateOnly(2026, 1, 19), Applicant, Jan(14, 16)));
        var state = Permit.AwaitingApplicant().After(events);
        state.Status.ShouldBe(ServiceRequestStatus.InReview);
        state.SlaDueDate.ShouldBe(new DateOnly(2026, 1, 19));
        state.PausedSince.ShouldBeNull();
        state.OpenInformationRequest.ShouldBeNull();
        state.AssignedTo.ShouldBe(MolgOfficer.Subject);
    }

    [Fact]
    public void A_weekend_and_a_holiday_during_the_pause_are_not_counted()
    {
        var calendar = new WorkingCalendar(new HashSet<DateOnly> { new(2026, 1, 13) });

        // (Mon 12, Sun 18]: Wed 14, Thu 15, Sun 18 are working days; Tue 13 is a holiday, Fri 16 and Sat 17 are the weekend.
        var response = Respond(Permit.AwaitingApplicant(), Applicant, Jan(18), calendar: calendar).OfType<ApplicantResponded>().Single();

        response.PausedWorkingDays.ShouldBe(3);
        response.NewDueDate.ShouldBe(new DateOnly(2026, 1, 20));
    }

    [Fact]
    public void An_answer_the_same_day_keeps_the_due_date() =>
        Respond(Permit.AwaitingApplicant(), Applicant, Jan(12, 15)).OfType<ApplicantResponded>().Single()
            .ShouldSatisfyAllConditions(r => r.PausedWorkingDays.ShouldBe(0), r => r.NewDueDate.ShouldBe(Permit.DueDate));

    [Fact]
    public void On_the_assisted_channel_the_applicant_answers_but_the_clerk_is_a_stranger()
    {
        Respond(Assisted.AwaitingApplicant(), Applicant, Jan(13)).Count.ShouldBe(1);
        Should.Throw<NotFoundException>(() => Respond(Assisted.AwaitingApplicant(), CounterClerk, Jan(13)));
    }

    [Fact]
    public void An_answer_to_another_or_no_information_request_is_refused()
    {
        ThenRefused(() => Respond(Permit.AwaitingApplicant(), Applicant, Jan(13), id: Guid.Parse("0190a000-0000-7000-8000-0000000000ff")), "information_request_not_open");
        ThenRefused(() => Respond(Permit.AssignedAtMolg(), Applicant, Jan(13)), "information_request_not_open");
    }

    [Fact]
    public void Someone_other_than_the_applicant_gets_not_found()
    {
        Should.Throw<NotFoundException>(() => Respond(Permit.AwaitingApplicant(), Stranger, Jan(13)));
        Should.Throw<NotFoundException>(() => Respond(Permit.AwaitingApplicant(), MolgOfficer, Jan(13)));
    }

    [Fact]
    public void A_withdrawn_request_takes_no_answer()
    {
        object[] withdrawn = [.. Permit.AwaitingApplicant(), new RequestWithdrawn(RequestId, "", Applicant, Jan(13))];

        ThenRefused(() => Respond(withdrawn, Applicant, Jan(14)), "request_closed");
    }

    [Fact]
    public void A_referral_names_the_department_by_its_catalog_code_however_it_was_typed() =>
        ReviewDecisions.Refer(Given(Permit.AssignedAtMolg()), " health ", "Sewage connection", MolgOfficer, Jan(12))
            .Then(new RequestReferred(RequestId, Molg, Health, "Sewage connection", MolgOfficer, Jan(12)));

    [Fact]
    public void The_assignee_refers_the_request_out_and_the_other_department_returns_its_opinion()
    {
        var referred = ReviewDecisions.Refer(Given(Permit.AssignedAtMolg()), Health, "Sewage connection", MolgOfficer, Jan(12));
        referred.Then(new RequestReferred(RequestId, Molg, Health, "Sewage connection", MolgOfficer, Jan(12)));
        var state = Permit.AssignedAtMolg().After(referred);
        state.Status.ShouldBe(ServiceRequestStatus.Referred);
        state.ReferredTo.ShouldBe(Health);

        var returned = ReviewDecisions.ReturnReferral(state, "No objection", HealthOfficer, Jan(13));
        returned.Then(new ReferralReturned(RequestId, Health, "No objection", HealthOfficer, Jan(13)));
        var back = Permit.AssignedAtMolg().After([.. referred, .. returned]);
        back.Status.ShouldBe(ServiceRequestStatus.InReview);
        back.ReferredTo.ShouldBeNull();
        back.CurrentDepartment.ShouldBe(Molg);
        back.AssignedTo.ShouldBe(MolgOfficer.Subject);
    }

    [Fact]
    public void A_request_cannot_be_referred_to_the_department_that_holds_it() =>
        ThenRefused(() => ReviewDecisions.Refer(Given(Permit.AssignedAtMolg()), "molg", "?", MolgOfficer, Jan(12)), "refer_to_self");

    [Fact]
    public void A_request_cannot_be_referred_to_a_department_that_is_not_registered() =>
        ThenRefused(() => ReviewDecisions.Refer(Given(Permit.AssignedAtMolg()), "NOWHERE", "?", MolgOfficer, Jan(12), toDepartmentRegistered: false), "unknown_department");

    [Fact]
    public void Only_the_assignee_refers() =>
        ThenRefused(() => ReviewDecisions.Refer(Given(Permit.AssignedAtMolg()), Health, "?", MolgSupervisor, Jan(12)), "not_assigned");

    [Fact]
    public void Only_the_department_consulted_returns_a_referral()
    {
        ThenRefused(() => ReviewDecisions.ReturnReferral(Given(Permit.ReferredToHealth()), "ok", MolgOfficer, Jan(13)), "wrong_department");
        ThenRefused(() => ReviewDecisions.ReturnReferral(Given(Permit.ReferredToHealth()), "ok", Applicant, Jan(13)), "wrong_department");
        var healthOfficerWhoIsTheApplicant = new Actor("health-self", "officer", Health, ApplicantId);
        ThenRefused(() => ReviewDecisions.ReturnReferral(Given(Permit.ReferredToHealth()), "ok", healthOfficerWhoIsTheApplicant, Jan(13)), "self_dealing");
    }

    [Fact]
    public void A_request_that_is_not_referred_cannot_be_returned() =>
        ThenRefused(() => ReviewDecisions.ReturnReferral(Given(Permit.AssignedAtMolg()), "ok", HealthOfficer, Jan(13)), "invalid_status");

    [Fact]
    public void While_referred_the_step_waits()
    {
        ThenRefused(() => ReviewDecisions.CompleteStep(Given(Permit.ReferredToHealth()), "done", MolgOfficer, Jan(13)), "invalid_status");
        ThenRefused(() => ReviewDecisions.Refer(Given(Permit.ReferredToHealth()), People.CivilDefence, "?", MolgOfficer, Jan(13)), "invalid_status");
    }

    [Fact]
    public void Completing_a_step_puts_the_request_in_the_next_departments_queue()
    {
        var events = ReviewDecisions.CompleteStep(Given(Permit.AssignedAtMolg()), " Site plan conforms ", MolgOfficer, Jan(12));

        events.Then(
            new StepCompleted(RequestId, 0, Molg, "Site plan conforms", MolgOfficer, Jan(12)),
            new StepEntered(RequestId, 1, People.CivilDefence, Jan(12)));
        var state = Permit.AssignedAtMolg().After(events);
        state.Status.ShouldBe(ServiceRequestStatus.InReview);
        state.CurrentStep.ShouldBe(1);
        state.CurrentDepartment.ShouldBe(People.CivilDefence);
        state.AssignedTo.ShouldBeNull();
        state.EligibleAt.ShouldBe(PaidAt, "the SLA clock keeps counting from when the request first became eligible");
        ThenRefused(() => AssignmentDecisions.Claim(state, MolgOfficer, Jan(12)), "wrong_department");
        AssignmentDecisions.Claim(state, CdOfficer, Jan(12)).Count.ShouldBe(1);
    }

    [Fact]
    public void Only_the_assignee_completes_a_step()
    {
        ThenRefused(() => ReviewDecisions.CompleteStep(Given(Permit.InReviewAtMolg()), "done", MolgOfficer, Jan(12)), "not_assigned");
        ThenRefused(() => ReviewDecisions.CompleteStep(Given(Permit.AssignedAtMolg()), "done", MolgSupervisor, Jan(12)), "not_assigned");
    }

    [Fact]
    public void The_last_step_is_finished_by_a_decision_not_by_completion() =>
        ThenRefused(() => ReviewDecisions.CompleteStep(Given(Permit.AssignedAtCivilDefence()), "done", CdOfficer, Jan(13)), "last_step_needs_decision");

    [Fact]
    public void An_unpaid_request_is_never_reviewed()
    {
        ThenRefused(() => ReviewDecisions.CompleteStep(Given(Permit.AwaitingPayment()), "done", MolgOfficer, Jan(12)), "fee_not_paid");
        ThenRefused(() => ReviewDecisions.Refer(Given(Permit.AwaitingPayment()), Health, "?", MolgOfficer, Jan(12)), "fee_not_paid");
    }
}
