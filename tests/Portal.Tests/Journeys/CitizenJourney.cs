using Microsoft.Playwright;
using MyGovernment.Portal.Tests.Support;
using MyGovernment.Web.Shared;
using Shouldly;

namespace MyGovernment.Portal.Tests.Journeys;

/// <summary>
/// The citizen's whole journey through the portal, in Arabic: apply (with a field error first), pay on the hosted
/// page, come back to the return page, answer the department, receive the document and verify it from the QR code.
/// Shared by the normal and the slow-connection tests; in the normal one every page is checked by axe and
/// photographed in both languages (<paramref name="checkPages"/>).
/// </summary>
public sealed class CitizenJourney(PortalHost host, IPage page, string shotPrefix, bool checkPages = true)
{
    public Guid RequestId { get; private set; }

    public async Task RunAsync()
    {
        try
        {
            await StepsAsync();
        }
        catch
        {
            // What the citizen saw when it broke, beside the other screenshots.
            await Screenshots.TakeAsync(page, shotPrefix + "failed");
            throw;
        }
    }

    private async Task StepsAsync()
    {
        var nationalId = PortalPages.NewNationalId();
        await PortalPages.SignInAsCitizenAsync(page, nationalId);

        await page.GotoAsync("/services/BIRTH-CERT");
        await Shoot("service");
        await page.Locator("a.button[href='/services/BIRTH-CERT/apply']").ClickAsync();
        await page.Locator("#field-personNationalId").WaitForAsync();
        await Shoot("apply");

        // A national ID with a wrong check digit: the engine's message comes back next to that field, in Arabic.
        await page.Locator("#field-personNationalId").FillAsync("123456789");
        await page.Locator("#field-purpose").FillAsync("جواز سفر");
        await page.Locator("main form button[type='submit']").ClickAsync();
        var fieldError = page.Locator("[id='error-form.personNationalId']");
        await fieldError.WaitForAsync();
        (await fieldError.InnerTextAsync()).ShouldContain("رقم هوية");
        (await page.Locator("#field-purpose").InputValueAsync()).ShouldBe("جواز سفر", "what the citizen typed is kept");
        // Only in Arabic: switching language reloads the page, and the refused form's state is a POST's answer.
        if (checkPages)
        {
            await Accessibility.CheckAndShootAsync(page, shotPrefix + "apply-errors");
        }

        await page.Locator("#field-personNationalId").FillAsync(nationalId);
        await page.Locator("main form button[type='submit']").ClickAsync();
        await page.ArrivedAsync(new System.Text.RegularExpressions.Regex("/me/requests/[0-9a-f-]{36}$"));
        RequestId = Guid.Parse(page.Url[^36..]);

        // The fee is assessed by a cascade: the page shows the pay button once it has been.
        await ReloadUntilVisibleAsync("#pay");
        (await page.Locator("#pay bdi.amount").InnerTextAsync()).ShouldBe("15.00 ILS");
        await Shoot("request-to-pay");
        await page.Locator("#pay").ClickAsync();

        // The provider's hosted page (the sandbox in tests), then back to our return page.
        await page.Locator("button[value='pay']").ClickAsync();
        await page.ArrivedAsync(new System.Text.RegularExpressions.Regex("/payments/[0-9a-f-]{36}/return"));
        var receiptLink = page.Locator("#receipt-link");
        await receiptLink.WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });
        (await page.Locator("#payment-status").InnerTextAsync()).ShouldBe("مدفوع");
        await Shoot("payment-return");

        await receiptLink.ClickAsync();
        await page.Locator("#receipt").WaitForAsync();
        (await page.Locator("#receipt bdi.amount").InnerTextAsync()).ShouldBe("15.00 ILS");
        (await page.Locator("#receipt").InnerTextAsync()).ShouldContain("مستخرج شهادة ميلاد", Case.Sensitive, "the service by its Arabic name, not its code");
        await Shoot("receipt");
        var receiptVerifyUrl = await page.Locator("figure.qr a").GetAttributeAsync("href");
        (await page.Locator("figure.qr img").GetAttributeAsync("src")).ShouldBe(QrCode.DataUri(receiptVerifyUrl!), "the QR code encodes the verification URL");
        // The same URL answers an app that asks for JSON with the engine's verification.
        var json = await page.APIRequest.GetAsync(receiptVerifyUrl!, new() { Headers = new Dictionary<string, string> { ["Accept"] = "application/json" } });
        (await json.JsonAsync())!.Value.GetProperty("genuine").GetBoolean().ShouldBeTrue();
        await page.GotoAsync(receiptVerifyUrl!);
        await page.Locator("#verdict.notice").WaitForAsync();
        await Shoot("verify-receipt");

        // The department asks for something; the citizen sees it on the request page and answers there.
        var officer = new Officer(host, "MOI-CIVIL");
        await officer.ClaimAsync(RequestId);
        await officer.AskAsync(RequestId, "يرجى ذكر مكان الولادة.");
        await page.GotoAsync($"/me/requests/{RequestId}");
        await ReloadUntilVisibleAsync("#answer");
        await Shoot("request-awaiting-answer");
        await page.Locator("#answer").FillAsync("ولدت في نابلس.");
        await page.Locator("#awaited-title ~ form button[type='submit']").ClickAsync();
        await page.Locator("#timeline").WaitForAsync();
        (await page.Locator("#answer").CountAsync()).ShouldBe(0, "the answer closed the information request");

        await officer.ApproveAndIssueAsync(RequestId);
        await page.GotoAsync($"/me/requests/{RequestId}");
        await ReloadUntilVisibleAsync("#doc-title");
        (await page.Locator("#request-status").InnerTextAsync()).ShouldBe("صدرت الوثيقة");
        await Shoot("request-issued");

        await page.GotoAsync("/me/documents");
        var verifyLink = page.Locator("main table a[href^='/verify/documents/']");
        await verifyLink.WaitForAsync();
        await Shoot("documents");
        await verifyLink.ClickAsync();
        await page.Locator("#verdict.notice").WaitForAsync();
        (await page.Locator("html").GetAttributeAsync("lang")).ShouldBe("ar");
        await Shoot("verify-document");

        await page.GotoAsync("/me/requests");
        await page.Locator($"main a[href='/me/requests/{RequestId}']").WaitForAsync();
        await Shoot("my-requests");
        await page.GotoAsync("/me/access-log");
        await page.Locator("main h1").WaitForAsync();
        await Shoot("access-log");
    }

    /// <summary>Reloads (as a citizen would) until the element appears: the engine's follow-up work is asynchronous.</summary>
    private async Task ReloadUntilVisibleAsync(string selector)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (await page.Locator(selector).CountAsync() == 0)
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, $"{selector} never appeared on {page.Url}");
            await page.ReloadAsync();
        }
    }

    /// <summary>axe and a screenshot in Arabic, then the same page in English, then back to Arabic for the journey.</summary>
    private async Task Shoot(string name)
    {
        if (!checkPages)
        {
            return;
        }
        await Accessibility.CheckAndShootAsync(page, shotPrefix + name);
        await PortalPages.SwitchLanguageAsync(page, "en");
        await Accessibility.CheckAndShootAsync(page, shotPrefix + name);
        await PortalPages.SwitchLanguageAsync(page, "ar");
    }
}
