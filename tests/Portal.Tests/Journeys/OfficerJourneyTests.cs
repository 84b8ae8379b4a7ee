using MyGovernment.Portal.Tests.Support;
using Shouldly;

namespace MyGovernment.Portal.Tests.Journeys;

/// <summary>An officer works a request from the department queue to the issued document, in the browser.</summary>
public sealed class OfficerJourneyTests(PortalHost host)
{
    private readonly EngineState _engine = new(host);

    [Fact]
    public async Task An_officer_claims_a_request_from_the_queue_decides_it_and_issues_the_document()
    {
        var id = await _engine.SubmittedAsync("JOBSEEKER-REGISTRATION", new { qualification = "BSc Nursing" });
        var page = await StaffSignIn.AsAsync(host, "officer", "MOL");

        await page.GotoAsync("/staff/queue");
        var row = page.Locator("table.queue tr", new() { Has = page.Locator($"a[href='/staff/requests/{id}']") });
        (await row.Locator("bdi[dir='ltr']").First.InnerTextAsync()).ShouldBe(id.ToString(), "the id is isolated left-to-right");
        (await row.Locator("time").CountAsync()).ShouldBeGreaterThan(0, "the queued time is shown");
        await StaffSignIn.CheckBothLanguagesAsync(page, "staff-queue");

        await row.Locator("button[type='submit']").ClickAsync();
        await page.ArrivedAsync($"**/staff/requests/{id}?done=claimed");
        (await page.Locator("dl.facts").InnerTextAsync()).ShouldContain("officer-MOL", Case.Sensitive, "the request is now the officer's");

        // A decision without a note is refused by the engine; its message stands next to the note, the choice is kept.
        await page.Locator("form[action*='handler=Propose'] input[value='Approve']").CheckAsync();
        await page.Locator("form[action*='handler=Propose'] button[type='submit']").ClickAsync();
        var noteError = page.Locator("#propose-note-error");
        await noteError.WaitForAsync();
        (await noteError.InnerTextAsync()).ShouldNotBeNullOrWhiteSpace();
        (await page.Locator("#propose-note").GetAttributeAsync("aria-describedby")).ShouldBe("propose-note-error");
        (await page.Locator(".alert[role='alert']").CountAsync()).ShouldBe(1);
        // A refusal is the answer to a post: switching language would load the page afresh, so one language here.
        await Accessibility.CheckAndShootAsync(page, "staff-request-refused");

        await page.Locator("#propose-note").FillAsync("All requirements met");
        await page.Locator("form[action*='handler=Propose'] button[type='submit']").ClickAsync();
        await page.ArrivedAsync($"**/staff/requests/{id}?done=decided");

        await page.Locator("form[action*='handler=Issue'] button[type='submit']").ClickAsync();
        await page.ArrivedAsync($"**/staff/requests/{id}?done=issued");
        (await _engine.RequestAsync(id))["status"]!.GetValue<string>().ShouldBe("Issued");
        (await page.Locator("form[action*='handler=']").CountAsync()).ShouldBe(0, "an issued request offers no more actions");
        await StaffSignIn.CheckBothLanguagesAsync(page, "staff-request-issued");
    }
}
