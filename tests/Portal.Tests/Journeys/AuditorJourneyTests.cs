using MyGovernment.Portal.Tests.Support;
using Shouldly;

namespace MyGovernment.Portal.Tests.Journeys;

/// <summary>An auditor replays a request to an earlier version, verifies the log and reads the integrity reports.</summary>
public sealed class AuditorJourneyTests(PortalHost host)
{
    private readonly EngineState _engine = new(host);

    [Fact]
    public async Task An_auditor_opens_a_request_by_id_and_replays_it_as_of_its_first_version()
    {
        var id = await _engine.SubmittedAsync("JOBSEEKER-REGISTRATION", new { qualification = "Diploma" });
        var officer = await _engine.TokenAsync("officer-mol-audited", "officer", "MOL");
        await _engine.ActAsync(id, officer, "claim");

        var page = await StaffSignIn.AsAsync(host, "auditor");
        await page.GotoAsync("/audit");
        await StaffSignIn.CheckBothLanguagesAsync(page, "audit-home");
        await page.Locator("#find-request").FillAsync(id.ToString());
        await page.Locator("#find-request ~ button").ClickAsync();
        await page.ArrivedAsync($"**/audit/requests/{id}");
        (await page.Locator("table.timeline tbody tr").CountAsync()).ShouldBeGreaterThan(1);
        await StaffSignIn.CheckBothLanguagesAsync(page, "audit-request");

        // Version 1: before the claim, nobody held it; now the officer does.
        await page.Locator("table.timeline tbody tr").First.Locator("a[href='?version=1']").ClickAsync();
        await page.ArrivedAsync($"**/audit/requests/{id}?version=1");
        var replayed = await page.Locator("section.replayed").InnerTextAsync();
        replayed.ShouldNotContain("officer-mol-audited");
        await StaffSignIn.CheckBothLanguagesAsync(page, "audit-request-replayed");
        var current = await _engine.RequestAsync(id);
        current["assignedTo"]!.GetValue<string>().ShouldBe("officer-mol-audited");
    }

    [Fact]
    public async Task An_auditor_sees_the_log_verified_and_runs_an_integrity_report()
    {
        var page = await StaffSignIn.AsAsync(host, "auditor");
        await page.GotoAsync("/audit/verify");
        (await page.Locator("p[role='status']").CountAsync()).ShouldBe(1, "the verification result is stated");
        await StaffSignIn.CheckBothLanguagesAsync(page, "audit-verify");

        await page.GotoAsync("/audit/reports");
        var first = page.Locator("ol.reports a").First;
        await first.ClickAsync();
        await page.ArrivedAsync("**/audit/reports/*");
        var csvLink = (await page.Locator("a[download]").GetAttributeAsync("href"))!;
        // The download goes through the portal with the session's token, which the browser never holds.
        var csv = await page.Context.APIRequest.GetAsync(csvLink);
        csv.Status.ShouldBe(200);
        csv.Headers["content-type"].ShouldStartWith("text/csv");
        await StaffSignIn.CheckBothLanguagesAsync(page, "audit-report");
        await page.GotoAsync("/audit/reports");
        await StaffSignIn.CheckBothLanguagesAsync(page, "audit-reports");
    }
}
