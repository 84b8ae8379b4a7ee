using MyGovernment.Api.Identity;
using MyGovernment.IntegrationTests.Support;

namespace MyGovernment.IntegrationTests.ServiceRequests;

/// <summary>
/// Officers abusing the workflow: the maker approving their own proposal through a second account (another subject
/// and role, the same national ID), and a referral that parks a request with a department that does not exist.
/// </summary>
public sealed class SecondAccountTests(AppFixture app)
{
    private static readonly object PermitForm = new { basinNumber = "7", parcelNumber = "112", floors = "3", areaSqm = "240" };

    /// <summary>A paid building permit, claimed by a Local Government officer.</summary>
    private async Task<(Journey Permit, string Molg)> ClaimedAtMolgAsync()
    {
        var permit = await new Journey(app, "BUILDING-PERMIT").SubmitAsync(PermitForm);
        await permit.SupplyDocumentsAsync(app);
        await permit.SendAsync(app.TokenFor("finance-second", Roles.Finance, "TREASURY"), "payments",
            new { paymentReference = "PAY-" + permit.Id, amount = 650m, currency = "ILS" });
        var molg = Journey.Officer(app, "molg-second-" + permit.Id, "MOLG");
        await permit.SendAsync(molg, "claim");
        return (permit, molg);
    }

    [Fact]
    public async Task The_maker_cannot_confirm_their_own_proposal_with_a_supervisor_account_of_the_same_national_id()
    {
        var (permit, molg) = await ClaimedAtMolgAsync();
        await permit.SendAsync(molg, "steps/complete", new { note = "Zoning in order" });
        var person = Citizens.NewNationalId();
        var officerAccount = app.TokenFor("cd-officer-" + permit.Id, Roles.Officer, "CIVIL-DEFENCE", person);
        var supervisorAccount = app.TokenFor("cd-supervisor-" + permit.Id, Roles.Supervisor, "CIVIL-DEFENCE", person);
        await permit.SendAsync(officerAccount, "claim");
        await permit.SendAsync(officerAccount, "decision/propose", new { outcome = "Approve", note = "Fire exits adequate" });

        await permit.RefusedAsync(supervisorAccount, "decision/confirm", new { note = "Approved" }, 422, "maker_checker");
        await permit.RefusedAsync(supervisorAccount, "decision/return", new { reason = "Again" }, 422, "maker_checker");
        // A supervisor who is someone else still can.
        await permit.SendAsync(Journey.Officer(app, "cd-boss-" + permit.Id, "CIVIL-DEFENCE", Roles.Supervisor), "decision/confirm", new { note = "Approved" });
    }

    [Fact]
    public async Task A_request_cannot_be_referred_to_a_department_that_does_not_exist()
    {
        // Nobody could ever return such a referral: the request would leave every queue until its SLA ran out.
        var (permit, molg) = await ClaimedAtMolgAsync();

        await permit.RefusedAsync(molg, "referrals", new { toDepartment = "NO-SUCH-DEPT", reason = "Your opinion please" }, 422, "unknown_department");
        await permit.SendAsync(molg, "referrals", new { toDepartment = "CIVIL-DEFENCE", reason = "Your opinion please" });
    }
}
