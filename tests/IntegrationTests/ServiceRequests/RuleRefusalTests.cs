using MyGovernment.Api.Identity;
using MyGovernment.Domain.ServiceRequests;
using MyGovernment.IntegrationTests.Support;
using Shouldly;

namespace MyGovernment.IntegrationTests.ServiceRequests;

/// <summary>
/// The lifecycle's rule refusals as a client meets them: each is a 422 application/problem+json whose `code` names
/// the rule (a malformed field is a 400 validation_failed before any rule runs), and nothing is appended (Journey.RefusedAsync checks all three). The rules themselves are tested
/// exhaustively, without a database, in Domain.Tests.
/// </summary>
public sealed class RuleRefusalTests(AppFixture app)
{
    private static readonly object PermitForm = new { basinNumber = "3", parcelNumber = "41", floors = "2", areaSqm = "180" };

    [Fact]
    public async Task Each_rule_refusal_along_a_building_permit_is_a_422_problem_naming_its_rule()
    {
        var permit = await new Journey(app, "BUILDING-PERMIT").SubmitAsync(PermitForm);
        await permit.SupplyDocumentsAsync(app);
        var finance = app.TokenFor("finance-rules", Roles.Finance, "TREASURY");
        var molg = Journey.Officer(app, "molg-rules-" + permit.Id, "MOLG");
        var molg2 = Journey.Officer(app, "molg-rules-2-" + permit.Id, "MOLG");
        var molgSupervisor = Journey.Officer(app, "molg-rules-sup-" + permit.Id, "MOLG", Roles.Supervisor);
        var cd = Journey.Officer(app, "cd-rules-" + permit.Id, "CIVIL-DEFENCE");
        var cd2 = Journey.Officer(app, "cd-rules-2-" + permit.Id, "CIVIL-DEFENCE");
        var cdSupervisor = Journey.Officer(app, "cd-rules-sup-" + permit.Id, "CIVIL-DEFENCE", Roles.Supervisor);

        // Awaiting payment.
        await permit.RefusedAsync(finance, "payments", new { paymentReference = "PAY-0-" + permit.Id, amount = 0m }, 400, "validation_failed");
        await permit.RefusedAsync(finance, "payments", new { paymentReference = "PAY-J-" + permit.Id, amount = 650m, currency = "JOD" }, 422, "payment_amount_invalid");
        await permit.SendAsync(finance, "payments", new { paymentReference = "PAY-1-" + permit.Id, amount = 400m });
        (await permit.ReadAsync()).Status.ShouldBe(ServiceRequestStatus.AwaitingPayment, "a partial payment does not open review");
        await permit.SendAsync(finance, "payments", new { paymentReference = "PAY-2-" + permit.Id, amount = 250m });

        // In review at Local Government.
        await permit.RefusedAsync(permit.CitizenToken, "appeal", new { grounds = "?" }, 422, "not_rejected");
        await permit.RefusedAsync(permit.CitizenToken, $"information-requests/{Guid.NewGuid()}/response",
            new { message = "?", documents = Array.Empty<object>() }, 422, "information_request_not_open");
        await permit.RefusedAsync(molg, "steps/complete", new { note = "unclaimed" }, 422, "not_assigned");
        await permit.RefusedAsync(molgSupervisor, "assign", new { officerId = "not-on-the-roster" }, 422, "officer_not_on_roster");
        await permit.RefusedAsync(molgSupervisor, "decision/confirm", new { note = "?" }, 422, "no_pending_decision");
        await permit.SendAsync(molg, "claim");
        await permit.RefusedAsync(molg2, "claim", null, 422, "already_assigned");
        await permit.RefusedAsync(molg2, "decision/propose", new { outcome = "Reject", reasonCode = "ineligible", note = "not mine" }, 422, "not_assigned");
        await permit.RefusedAsync(molg, "decision/propose", new { outcome = "Approve", note = "too early" }, 422, "approval_only_at_last_step");
        await permit.RefusedAsync(molg, "decision/propose", new { outcome = "Reject", reasonCode = "no-such-reason", note = "?" }, 422, "reason_code_required");
        await permit.RefusedAsync(molg, "referrals", new { toDepartment = "MOLG", reason = "?" }, 422, "refer_to_self");
        await permit.RefusedAsync(molg, "issue", null, 422, "not_approved");
        await permit.RefusedAsync(molgSupervisor, "revoke", new { reason = "?" }, 422, "not_issued");
        await permit.SendAsync(molg, "steps/complete", new { note = "Zoning in order" });

        // At Civil Defence, the last step.
        await permit.SendAsync(cd, "claim");
        await permit.RefusedAsync(cd, "steps/complete", new { note = "?" }, 422, "last_step_needs_decision");
        await permit.SendAsync(cd, "decision/propose", new { outcome = "Approve", note = "Fire code met" });
        await permit.RefusedAsync(cd, "decision/propose", new { outcome = "Approve", note = "again" }, 422, "invalid_status");
        await permit.RefusedAsync(cd, "decision/confirm", new { note = "self" }, 422, "maker_checker");
        await permit.RefusedAsync(cd2, "decision/confirm", new { note = "not a supervisor" }, 422, "supervisor_required");
        await permit.SendAsync(cdSupervisor, "decision/confirm", new { note = "Approved" });

        // Decided.
        await permit.RefusedAsync(permit.CitizenToken, "withdraw", new { reason = "too late" }, 422, "already_decided");
        await permit.SendAsync(cd, "issue");
        (await permit.ReadAsync()).Status.ShouldBe(ServiceRequestStatus.Issued);
    }

    [Fact]
    public async Task An_information_only_request_has_no_fee_to_pay_and_a_withdrawn_one_absorbs_every_command()
    {
        var request = await new Journey(app, "JOBSEEKER-REGISTRATION").SubmitAsync(new { qualification = "BSc" });
        var finance = app.TokenFor("finance-rules", Roles.Finance, "TREASURY");
        var officer = Journey.Officer(app, "mol-rules-" + request.Id, "MOL");
        var supervisor = Journey.Officer(app, "mol-rules-sup-" + request.Id, "MOL", Roles.Supervisor);

        await request.RefusedAsync(finance, "payments", new { paymentReference = "PAY-" + request.Id, amount = 10m }, 422, "no_fee_due");
        await request.SendAsync(request.CitizenToken, "withdraw", new { reason = "Found a job" });

        await request.RefusedAsync(officer, "claim", null, 422, "request_closed");
        await request.RefusedAsync(supervisor, "decision/confirm", new { note = "?" }, 422, "request_closed");
        await request.RefusedAsync(request.CitizenToken, "withdraw", new { reason = "again" }, 422, "request_closed");
        await request.RefusedAsync(request.CitizenToken, "appeal", new { grounds = "?" }, 422, "request_closed");
        await request.RefusedAsync(finance, "payments", new { paymentReference = "PAY-2-" + request.Id, amount = 10m }, 422, "request_closed");
        (await request.ReadAsync()).Status.ShouldBe(ServiceRequestStatus.Withdrawn);
    }
}
