using MyGovernment.Portal.Tests.Support;
using Shouldly;

namespace MyGovernment.Portal.Tests.Journeys;

/// <summary>Finance approves a colleague's refund; its own refund request waits for someone else.</summary>
public sealed class FinanceJourneyTests(PortalHost host)
{
    private readonly EngineState _engine = new(host);

    [Fact]
    public async Task Finance_approves_a_refund_a_colleague_asked_for_and_cannot_approve_its_own()
    {
        var paymentId = await _engine.CapturedPaymentAsync();
        var refundId = await _engine.RefundRequestedAsync(paymentId, "finance-maker", 100m);
        var page = await StaffSignIn.AsAsync(host, "finance");

        await page.GotoAsync("/finance/payments?status=Succeeded");
        (await page.Locator($"a[href='/finance/payments/{paymentId}']").CountAsync()).ShouldBe(1, "the captured payment is on the work list");
        await StaffSignIn.CheckBothLanguagesAsync(page, "finance-payments");

        await page.Locator($"a[href='/finance/payments/{paymentId}']").ClickAsync();
        // The payment page loaded before the next click: its refund link is there before its load event, and a click
        // then started the next navigation while this one still loaded (CI: the refund page's load wait timed out).
        await page.ArrivedAsync($"**/finance/payments/{paymentId}");
        await page.Locator($"a[href='/finance/refunds/{refundId}']").ClickAsync();
        await page.ArrivedAsync($"**/finance/refunds/{refundId}");
        (await page.Locator("dl.facts").InnerTextAsync()).ShouldContain("finance-maker", Case.Sensitive, "who asked is shown");
        await StaffSignIn.CheckBothLanguagesAsync(page, "finance-refund");

        await page.Locator("form[action*='handler=Approve'] button[type='submit']").ClickAsync();
        await page.ArrivedAsync($"**/finance/refunds/{refundId}?done=approved");
        (await page.Locator("dl.facts").InnerTextAsync()).ShouldContain("finance-demo", Case.Sensitive, "the approver is recorded");

        // Finance asks for a second refund itself: the page sends it to the refund and says a colleague must approve.
        await page.GotoAsync($"/finance/payments/{paymentId}");
        await StaffSignIn.CheckBothLanguagesAsync(page, "finance-payment");
        await page.Locator("#refund-amount").FillAsync("50.00");
        await page.Locator("#refund-reason").FillAsync("Overpaid at the counter");
        await page.Locator("form[action*='handler=Refund'] button[type='submit']").ClickAsync();
        await page.ArrivedAsync("**/finance/refunds/*?done=requested");
        (await page.Locator("#you-asked").CountAsync()).ShouldBe(1, "the requester is told a colleague approves");
        (await page.Locator("form[action*='handler=Approve']").CountAsync()).ShouldBe(0, "the requester is not offered the approval");
    }

    [Fact]
    public async Task A_settlement_upload_the_engine_refuses_shows_its_reason_next_to_the_field()
    {
        var page = await StaffSignIn.AsAsync(host, "finance");
        await page.GotoAsync("/finance/reconciliations");
        await StaffSignIn.CheckBothLanguagesAsync(page, "finance-reconciliations");

        await page.Locator("#statement-file").SetInputFilesAsync(new Microsoft.Playwright.FilePayload
        {
            Name = "statement.csv", MimeType = "text/csv", Buffer = "not,a,statement\n"u8.ToArray(),
        });
        await page.Locator("form[enctype='multipart/form-data'] button[type='submit']").ClickAsync();
        await page.Locator(".alert[role='alert']").WaitForAsync();
        // Sent without its date: the engine's message for that field stands next to the date input.
        (await page.Locator("#upload-date-error").InnerTextAsync()).ShouldNotBeNullOrWhiteSpace();
        (await page.Locator("#statement-date").GetAttributeAsync("aria-describedby")).ShouldBe("upload-date-error");
        await Accessibility.CheckAndShootAsync(page, "finance-reconciliations-refused");
    }
}
