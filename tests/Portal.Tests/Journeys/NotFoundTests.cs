using MyGovernment.Portal.Tests.Support;
using Shouldly;

namespace MyGovernment.Portal.Tests.Journeys;

public sealed class NotFoundTests(PortalHost host)
{
    [Fact]
    public async Task A_citizen_opening_another_persons_request_sees_not_found_and_none_of_its_data()
    {
        var foreign = await Officer.SubmitForAnotherCitizenAsync(host);
        var page = await host.NewPageAsync();
        await PortalPages.SignInAsCitizenAsync(page, PortalPages.NewNationalId());

        var response = await page.GotoAsync($"/me/requests/{foreign}");
        response!.Status.ShouldBe(404);
        (await page.Locator("main h1").InnerTextAsync()).ShouldBe("لم نجد هذه الصفحة");
        (await page.ContentAsync()).ShouldNotContain("مستخرج شهادة ميلاد", Case.Sensitive, "nothing of the other person's request is shown");
        await Accessibility.CheckAndShootAsync(page, "not-found");
        await PortalPages.SwitchLanguageAsync(page, "en");
        (await page.Locator("main h1").InnerTextAsync()).ShouldBe("We could not find this page");
        await Accessibility.CheckAndShootAsync(page, "not-found");
    }

    [Fact]
    public async Task Another_persons_receipt_and_an_unknown_page_are_not_found_too()
    {
        var page = await host.NewPageAsync();
        await PortalPages.SignInAsCitizenAsync(page, PortalPages.NewNationalId());
        (await page.GotoAsync($"/me/receipts/{Guid.CreateVersion7()}"))!.Status.ShouldBe(404);
        (await page.Locator("main h1").InnerTextAsync()).ShouldBe("لم نجد هذه الصفحة");
        (await page.GotoAsync("/no-such-page"))!.Status.ShouldBe(404);
        (await page.Locator("main h1").InnerTextAsync()).ShouldBe("لم نجد هذه الصفحة");
    }
}
