using MyGovernment.Domain.Common;
using MyGovernment.Domain.ServiceRequests;
using Shouldly;
using static MyGovernment.Domain.Tests.ServiceRequests.GivenWhenThen;
using static MyGovernment.Domain.Tests.ServiceRequests.History;
using static MyGovernment.Domain.Tests.ServiceRequests.People;

namespace MyGovernment.Domain.Tests.ServiceRequests;

public sealed class IssueTests
{
    private static readonly History Permit = new();

    private static IReadOnlyList<object> Issue(object[] history, Actor officer) =>
        IssueDecisions.Issue(Given(history), VerificationCode, officer, Jan(15));

    private static IReadOnlyList<object> Revoke(object[] history, Actor supervisor) =>
        IssueDecisions.Revoke(Given(history), "Forged title deed", supervisor, Jan(20));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void An_approved_and_paid_request_is_issued_with_its_verification_code(bool secondApprover)
    {
        var permit = new History(SecondApprover: secondApprover);

        var events = Issue(permit.Approved(), CdOfficer2);

        events.Then(new DocumentIssued(RequestId, VerificationCode, ServiceCode, CdOfficer2, Jan(15)));
        var state = permit.Approved().After(events);
        state.Status.ShouldBe(ServiceRequestStatus.Issued);
        state.VerificationCode.ShouldBe(VerificationCode);
    }

    [Fact]
    public void Issuing_twice_changes_nothing() =>
        Issue(Permit.Issued(), CdOfficer).ThenNothing();

    [Fact]
    public void Only_an_approved_request_is_issued()
    {
        ThenRefused(() => Issue(Permit.AssignedAtCivilDefence(), CdOfficer), "not_approved");
        ThenRefused(() => Issue(Permit.Rejected(), CdOfficer), "not_approved");
        ThenRefused(() => Issue(new History(SecondApprover: true).Proposed(DecisionOutcome.Approve), CdSupervisor), "not_approved");
        ThenRefused(() => Issue(Permit.AwaitingPayment(), CdOfficer), "not_approved");
    }

    [Fact]
    public void A_document_is_never_issued_before_the_fee_is_paid_in_full_even_if_the_history_says_approved()
    {
        // An inconsistent history (approval without full payment) must still not yield a document.
        object[] approvedButUnpaid =
        [
            .. Permit.AwaitingPayment(),
            new PaymentConfirmed(RequestId, "PAY-1", Money.Ils(10m), Money.Ils(10m), PaymentsSystem, PaidAt),
            new StepEntered(RequestId, 1, People.CivilDefence, PaidAt),
            new RequestApproved(RequestId, "ok", null, CdOfficer, Jan(14)),
        ];

        ThenRefused(() => Issue(approvedButUnpaid, CdOfficer), "fee_not_paid");
    }

    [Fact]
    public void Only_staff_of_the_deciding_department_issue()
    {
        ThenRefused(() => Issue(Permit.Approved(), MolgOfficer), "wrong_department");
        ThenRefused(() => Issue(Permit.Approved(), Applicant), "wrong_department");
        ThenRefused(() => Issue(Permit.Approved(), SupervisorWhoIsTheApplicant), "self_dealing");
    }

    [Fact]
    public void A_closed_request_is_not_issued() =>
        ThenRefused(() => Issue([.. Permit.Approved(), new RequestWithdrawn(RequestId, "", Applicant, Jan(15))], CdOfficer), "request_closed");

    [Fact]
    public void A_supervisor_of_the_issuing_department_revokes_a_document()
    {
        var events = Revoke(Permit.Issued(), CdSupervisor);

        events.Then(new DocumentRevoked(RequestId, VerificationCode, "Forged title deed", CdSupervisor, Jan(20)));
        var state = Permit.Issued().After(events);
        state.Flags.ShouldBe(RequestFlags.Revoked);
        state.Status.ShouldBe(ServiceRequestStatus.Issued);
    }

    [Fact]
    public void A_document_can_be_revoked_after_the_request_closed() =>
        Revoke(Permit.ClosedAfterIssue(), CdSupervisor).Single().ShouldBeOfType<DocumentRevoked>();

    [Fact]
    public void Revoking_twice_changes_nothing() =>
        Revoke([.. Permit.Issued(), new DocumentRevoked(RequestId, VerificationCode, "Forged", CdSupervisor, Jan(19))], CdSupervisor).ThenNothing();

    [Fact]
    public void Only_a_supervisor_of_the_issuing_department_revokes()
    {
        ThenRefused(() => Revoke(Permit.Issued(), CdOfficer), "supervisor_required");
        ThenRefused(() => Revoke(Permit.Issued(), MolgSupervisor), "supervisor_required");
        ThenRefused(() => Revoke(Permit.Issued(), Applicant), "supervisor_required");
        ThenRefused(() => Revoke(Permit.Issued(), SupervisorWhoIsTheApplicant), "self_dealing");
    }

    [Fact]
    public void Nothing_to_revoke_before_issue() =>
        ThenRefused(() => Revoke(Permit.Approved(), CdSupervisor), "not_issued");
}
