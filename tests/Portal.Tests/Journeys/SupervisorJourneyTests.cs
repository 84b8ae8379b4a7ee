using MyGovernment.Portal.Tests.Support;
using Shouldly;

namespace MyGovernment.Portal.Tests.Journeys;

/// <summary>A supervisor confirms an officer's proposed decision and sees the department's workload.</summary>
public sealed class SupervisorJourneyTests(PortalHost host)
{
    private readonly EngineState _engine = new(host);

    [Fact]
    public async Task A_supervisor_finds_a_proposal_awaiting_them_and_confirms_it()
    {
        var service = await _engine.ServiceNeedingSecondApproverAsync("MOL");
        var id = await _engine.SubmittedAsync(service, new { purpose = "Employment abroad" });
        var officer = await _engine.TokenAsync("officer-mol-colleague", "officer", "MOL");
        await _engine.ActAsync(id, officer, "claim");
        await _engine.ActAsync(id, officer, "decision/propose", new { outcome = "Approve", note = "Meets the criteria" });

        var page = await StaffSignIn.AsAsync(host, "supervisor", "MOL");
        await page.GotoAsync("/staff/queue?status=AwaitingApproval");
        await page.Locator($"a[href='/staff/requests/{id}']").ClickAsync();
        await page.ArrivedAsync($"**/staff/requests/{id}");
        (await page.Locator("dl.facts").InnerTextAsync()).ShouldContain("officer-mol-colleague", Case.Sensitive, "the proposer is named");
        await StaffSignIn.CheckBothLanguagesAsync(page, "staff-request-awaiting-approval");

        await page.Locator("#confirm-note").FillAsync("Checked against the file");
        await page.Locator("form[action*='handler=Confirm'] button[type='submit']").ClickAsync();
        await page.ArrivedAsync($"**/staff/requests/{id}?done=confirmed");
        (await _engine.RequestAsync(id))["status"]!.GetValue<string>().ShouldBe("Approved");
        (await page.Locator("[role='status']").InnerTextAsync()).ShouldNotBeNullOrWhiteSpace();

        await page.GotoAsync("/staff/workload");
        (await page.Locator("dl.facts").CountAsync()).ShouldBe(1);
        await StaffSignIn.CheckBothLanguagesAsync(page, "staff-workload");
    }
}
