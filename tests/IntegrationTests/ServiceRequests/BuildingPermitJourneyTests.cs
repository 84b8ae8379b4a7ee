using Alba;
using Marten;
using MyGovernment.Api.Identity;
using MyGovernment.Api.ServiceRequests;
using MyGovernment.Domain.ServiceRequests;
using MyGovernment.IntegrationTests.Support;
using Shouldly;

namespace MyGovernment.IntegrationTests.ServiceRequests;

/// <summary>A building permit passes Local Government, then Civil Defence, to an issued and verifiable document.</summary>
public sealed class BuildingPermitJourneyTests(AppFixture app)
{
    private static readonly object PermitForm = new { basinNumber = "7", parcelNumber = "112", floors = "3", areaSqm = "240" };

    [Fact]
    public async Task A_building_permit_flows_through_two_departments_to_an_issued_document()
    {
        var permit = await new Journey(app, "BUILDING-PERMIT").SubmitAsync(PermitForm);
        var finance = app.TokenFor("finance-1", Roles.Finance, "TREASURY");
        var molg = Journey.Officer(app, "molg-officer-" + permit.Id, "MOLG");
        var civilDefence = Journey.Officer(app, "cd-officer-" + permit.Id, "CIVIL-DEFENCE");
        var cdSupervisor = Journey.Officer(app, "cd-supervisor-" + permit.Id, "CIVIL-DEFENCE", Roles.Supervisor);

        // Not reviewable before the fee is paid in full: until then it is in no department's queue, so no officer sees it.
        await permit.RefusedAsync(molg, "claim", null, 404, "request_not_found");
        await permit.SendAsync(finance, "payments", new { paymentReference = "PAY-" + permit.Id, amount = 650m, currency = "ILS" });
        var paid = await permit.ReadAsync();
        paid.Status.ShouldBe(ServiceRequestStatus.InReview);
        paid.CurrentDepartment.ShouldBe("MOLG");
        paid.SlaDueDate.ShouldNotBeNull();

        // Civil Defence cannot act while the request is at Local Government's step: to it the request does not exist yet.
        await permit.RefusedAsync(civilDefence, "claim", null, 404, "request_not_found");
        await permit.SendAsync(molg, "claim");
        (await permit.ReadAsync()).AssignedTo.ShouldBe("molg-officer-" + permit.Id);
        await permit.SendAsync(molg, "steps/complete", new { note = "Zoning and plans in order" });

        var atCivilDefence = await permit.ReadAsync();
        atCivilDefence.CurrentStep.ShouldBe(1);
        atCivilDefence.CurrentDepartment.ShouldBe("CIVIL-DEFENCE");
        atCivilDefence.AssignedTo.ShouldBeNull();

        await permit.SendAsync(civilDefence, "claim");
        await permit.SendAsync(civilDefence, "decision/propose", new { outcome = "Approve", note = "Fire exits and access meet the code" });
        (await permit.ReadAsync()).Status.ShouldBe(ServiceRequestStatus.AwaitingApproval);

        // Maker-checker: the proposer cannot confirm their own proposal.
        await permit.RefusedAsync(civilDefence, "decision/confirm", new { note = "self" }, 422, "maker_checker");
        await permit.SendAsync(cdSupervisor, "decision/confirm", new { note = "Approved" });
        var approved = await permit.ReadAsync();
        approved.Status.ShouldBe(ServiceRequestStatus.Approved);
        approved.Decision!.ProposedBy.ShouldBe("cd-officer-" + permit.Id);
        approved.Decision.DecidedBy.ShouldBe("cd-supervisor-" + permit.Id);

        await permit.SendAsync(civilDefence, "issue");
        var issued = await permit.ReadAsync(permit.CitizenToken);
        issued.Status.ShouldBe(ServiceRequestStatus.Issued);
        issued.VerificationCode!.Length.ShouldBe(16);

        var verified = await app.Host.Scenario(s => s.Get.Url($"/api/documents/verify/{issued.VerificationCode}"));
        var verification = await verified.ReadAsJsonAsync<DocumentVerification>();
        verification!.Genuine.ShouldBeTrue();
        verification.ServiceCode.ShouldBe("BUILDING-PERMIT");
        verified.ReadAsText().ShouldNotContain(permit.CitizenId);

        await using var session = app.Store.QuerySession();
        var events = await session.Events.FetchStreamAsync(permit.Id, token: TestContext.Current.CancellationToken);
        events.Select(e => e.Data.GetType().Name).ShouldBe(
        [
            nameof(ServiceRequestSubmitted), nameof(FeeAssessed), nameof(PaymentConfirmed), nameof(StepEntered), nameof(SlaClockStarted),
            nameof(RequestAssigned), nameof(StepCompleted), nameof(StepEntered), nameof(RequestAssigned), nameof(DecisionProposed),
            nameof(RequestApproved), nameof(DocumentIssued),
        ]);
    }

    [Fact]
    public async Task An_unknown_verification_code_is_404_for_anyone() =>
        await app.Host.Scenario(s =>
        {
            s.Get.Url("/api/documents/verify/0000000000000000");
            s.StatusCodeShouldBe(404);
        });

    [Fact]
    public async Task A_stale_expected_version_is_409_in_the_body_and_412_as_if_match()
    {
        var permit = await new Journey(app, "BUILDING-PERMIT").SubmitAsync(PermitForm);
        var finance = app.TokenFor("finance-2", Roles.Finance, "TREASURY");

        await permit.RefusedAsync(finance, "payments", new { paymentReference = "P1", amount = 650m, expectedVersion = 1 }, 409, "concurrency_conflict");
        await app.Host.Scenario(s =>
        {
            s.As(finance).Post.Json(new { paymentReference = "P1", amount = 650m }).ToUrl($"{permit.Url}/payments");
            s.WithRequestHeader("If-Match", "\"1\"");
            s.StatusCodeShouldBe(412);
        });
        await app.Host.Scenario(s =>
        {
            s.As(finance).Post.Json(new { paymentReference = "P1", amount = 650m }).ToUrl($"{permit.Url}/payments");
            s.StatusCodeShouldBe(400);
        });
        await app.Host.Scenario(s =>
        {
            s.As(finance).Post.Json(new { paymentReference = "P1", amount = 650m }).ToUrl($"{permit.Url}/payments");
            s.WithRequestHeader("If-Match", $"\"{permit.Version}\"");
            s.StatusCodeShouldBe(200);
        });
    }
}
