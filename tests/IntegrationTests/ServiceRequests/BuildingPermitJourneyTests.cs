using MyGovernment.Api.Identity;
using MyGovernment.Api.ServiceRequests;
using MyGovernment.Domain.ServiceRequests;
using MyGovernment.IntegrationTests.Support;
using MyGovernment.Projections.ServiceRequests;
using Shouldly;

namespace MyGovernment.IntegrationTests.ServiceRequests;

/// <summary>A building permit passes Local Government, then Civil Defence, to an issued and verifiable document.</summary>
public sealed class BuildingPermitJourneyTests(AppFixture app)
{
    private static readonly object PermitForm = new { basinNumber = "7", parcelNumber = "112", floors = "3", areaSqm = "240" };

    /// <summary>
    /// Checks, after each command, the events it appended (the stream since the last check) and the read model
    /// the citizen and officers query, which must reflect exactly that stream version.
    /// </summary>
    private sealed class StepChecker(AppFixture app, Journey permit)
    {
        private int _seen;

        public async Task<ServiceRequestDetails> AppendedAsync(params Type[] expected)
        {
            await using var session = app.Store.QuerySession();
            var events = await session.Events.FetchStreamAsync(permit.Id, token: TestContext.Current.CancellationToken);
            events.Skip(_seen).Select(e => e.Data.GetType()).ShouldBe(expected);
            _seen = events.Count;
            var details = await permit.ReadAsync();
            details.Version.ShouldBe(events[^1].Version, "the read model reflects the stream's latest event");
            return details;
        }

        public async Task<T> Last<T>()
        {
            await using var session = app.Store.QuerySession();
            var events = await session.Events.FetchStreamAsync(permit.Id, token: TestContext.Current.CancellationToken);
            return (T)events[^1].Data;
        }
    }

    [Fact]
    public async Task A_building_permit_flows_through_two_departments_to_an_issued_document()
    {
        var permit = await new Journey(app, "BUILDING-PERMIT").SubmitAsync(PermitForm);
        var check = new StepChecker(app, permit);
        var finance = app.TokenFor("finance-1", Roles.Finance, "TREASURY");
        var molgId = "molg-officer-" + permit.Id;
        var cdId = "cd-officer-" + permit.Id;
        var molg = Journey.Officer(app, molgId, "MOLG");
        var civilDefence = Journey.Officer(app, cdId, "CIVIL-DEFENCE");
        var cdSupervisor = Journey.Officer(app, "cd-supervisor-" + permit.Id, "CIVIL-DEFENCE", Roles.Supervisor);

        // Submitted: assessed from the fee schedule in force, waiting for payment, in nobody's queue.
        var submitted = await check.AppendedAsync(typeof(ServiceRequestSubmitted), typeof(DocumentsRequired), typeof(FeeAssessed));
        submitted.MissingDocuments.ShouldBe(["OWNERSHIP-DEED", "ENGINEERING-PLANS"]);
        submitted.Status.ShouldBe(ServiceRequestStatus.AwaitingPayment);
        submitted.Fee!.Total.Amount.ShouldBe(650m);
        submitted.Fee.ScheduleVersion.ShouldBe((await check.Last<FeeAssessed>()).FeeScheduleVersion);
        submitted.CurrentDepartment.ShouldBeNull();
        submitted.SlaDueDate.ShouldBeNull("the SLA clock of a paid service starts at payment");

        // Not reviewable before the fee is paid in full: until then it is in no department's queue, so no officer sees it.
        await permit.RefusedAsync(molg, "claim", null, 404, "request_not_found");
        await permit.SendAsync(finance, "payments", new { paymentReference = "PAY-" + permit.Id, amount = 650m, currency = "ILS" });
        var paid = await check.AppendedAsync(typeof(PaymentConfirmed), typeof(StepEntered), typeof(SlaClockStarted));
        paid.Status.ShouldBe(ServiceRequestStatus.InReview);
        paid.Paid!.Amount.ShouldBe(650m);
        paid.CurrentStep.ShouldBe(0);
        paid.CurrentDepartment.ShouldBe("MOLG");
        paid.SlaDueDate.ShouldBe((await check.Last<SlaClockStarted>()).DueDate);

        // Civil Defence cannot act while the request is at Local Government's step: to it the request does not exist yet.
        await permit.RefusedAsync(civilDefence, "claim", null, 404, "request_not_found");
        await permit.SendAsync(molg, "claim");
        var claimed = await check.AppendedAsync(typeof(RequestAssigned));
        claimed.AssignedTo.ShouldBe(molgId);
        (await check.Last<RequestAssigned>()).Mode.ShouldBe(AssignmentMode.Claimed);
        // The step cannot complete while a required document is missing (issue 21); the applicant supplies both.
        await permit.RefusedAsync(molg, "steps/complete", new { note = "Zoning ok" }, 422, "required_documents_missing");
        await permit.SupplyDocumentsAsync(app);
        (await check.AppendedAsync(typeof(DocumentsAttached))).MissingDocuments.ShouldBeEmpty();

        await permit.SendAsync(molg, "steps/complete", new { note = "Zoning and plans in order" });
        var atCivilDefence = await check.AppendedAsync(typeof(StepCompleted), typeof(StepEntered));
        atCivilDefence.Status.ShouldBe(ServiceRequestStatus.InReview);
        atCivilDefence.CurrentStep.ShouldBe(1);
        atCivilDefence.CurrentDepartment.ShouldBe("CIVIL-DEFENCE");
        atCivilDefence.AssignedTo.ShouldBeNull();
        atCivilDefence.SlaDueDate.ShouldBe(paid.SlaDueDate, "one SLA clock runs across the departments");
        // Local Government has handed it on: its officer can no longer act on it.
        await permit.RefusedAsync(molg, "claim", null, 404, "request_not_found");

        await permit.SendAsync(civilDefence, "claim");
        (await check.AppendedAsync(typeof(RequestAssigned))).AssignedTo.ShouldBe(cdId);
        await permit.SendAsync(civilDefence, "decision/propose", new { outcome = "Approve", note = "Fire exits and access meet the code" });
        var proposed = await check.AppendedAsync(typeof(DecisionProposed));
        proposed.Status.ShouldBe(ServiceRequestStatus.AwaitingApproval);
        proposed.Proposal!.ProposedBy.ShouldBe(cdId);
        proposed.Decision.ShouldBeNull();

        // Maker-checker: the proposer cannot confirm their own proposal; nothing is appended.
        await permit.RefusedAsync(civilDefence, "decision/confirm", new { note = "self" }, 422, "maker_checker");
        // No document before approval.
        await permit.RefusedAsync(civilDefence, "issue", null, 422, "not_approved");
        await permit.SendAsync(cdSupervisor, "decision/confirm", new { note = "Approved" });
        var approved = await check.AppendedAsync(typeof(RequestApproved));
        approved.Status.ShouldBe(ServiceRequestStatus.Approved);
        approved.Proposal.ShouldBeNull();
        approved.Decision!.ProposedBy.ShouldBe(cdId);
        approved.Decision.DecidedBy.ShouldBe("cd-supervisor-" + permit.Id);
        var approval = await check.Last<RequestApproved>();
        approval.By.Department.ShouldBe("CIVIL-DEFENCE");
        approval.By.Role.ShouldBe(Roles.Supervisor);

        await permit.SendAsync(civilDefence, "issue");
        var issued = await check.AppendedAsync(typeof(DocumentIssued));
        issued.Status.ShouldBe(ServiceRequestStatus.Issued);
        issued.VerificationCode!.Length.ShouldBe(16);
        issued.VerificationCode.ShouldBe((await check.Last<DocumentIssued>()).VerificationCode);
        (await permit.ReadAsync(permit.CitizenToken)).VerificationCode.ShouldBe(issued.VerificationCode, "the citizen sees the code");

        var verified = await app.Host.Scenario(s => s.Get.Url($"/api/documents/verify/{issued.VerificationCode}"));
        var verification = await verified.ReadAsJsonAsync<DocumentVerification>();
        verification!.Genuine.ShouldBeTrue();
        verification.ServiceCode.ShouldBe("BUILDING-PERMIT");
        verification.IssuingDepartment.ShouldBe("CIVIL-DEFENCE");
        verified.ReadAsText().ShouldNotContain(permit.CitizenId);
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

        await permit.RefusedAsync(finance, "payments", new { paymentReference = "P1", amount = 650m, expectedVersion = 2 }, 409, "concurrency_conflict");
        await app.Host.Scenario(s =>
        {
            s.As(finance).Post.Json(new { paymentReference = "P1", amount = 650m }).ToUrl($"{permit.Url}/payments");
            s.WithRequestHeader("If-Match", "\"2\"");
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
