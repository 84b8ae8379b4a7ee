using Microsoft.Playwright;
using MyGovernment.Portal.Tests.Support;
using Shouldly;

namespace MyGovernment.Portal.Tests.Journeys;

public sealed class HomeAndCatalogTests(PortalHost host)
{
    [Fact]
    public async Task The_home_page_is_Arabic_and_the_English_switch_is_remembered_across_pages()
    {
        var page = await host.NewPageAsync();
        await page.GotoAsync("/");
        (await page.Locator("html").GetAttributeAsync("lang")).ShouldBe("ar");
        (await page.Locator("html").GetAttributeAsync("dir")).ShouldBe("rtl");
        await Accessibility.CheckAndShootAsync(page, "home");

        await PortalPages.SwitchLanguageAsync(page, "en");
        (await page.Locator("html").GetAttributeAsync("dir")).ShouldBe("ltr");
        await Accessibility.CheckAndShootAsync(page, "home");

        await page.Locator("main a[href='/services']").ClickAsync();
        await page.Locator("main h1").WaitForAsync();
        (await page.Locator("html").GetAttributeAsync("lang")).ShouldBe("en", "the switch is remembered on the next page");
    }

    [Fact]
    public async Task The_catalog_names_services_in_the_readers_language_with_isolated_fees()
    {
        var page = await host.NewPageAsync();
        await page.GotoAsync("/services");
        var arabicNames = await page.Locator("ul.list h2 a").AllInnerTextsAsync();
        arabicNames.ShouldNotBeEmpty();
        arabicNames.ShouldAllBe(name => name.Any(c => c >= '\u0600' && c <= '\u06FF'), "service names come from the catalog in Arabic");
        (await page.Locator("ul.list bdi.amount[dir='ltr']").CountAsync()).ShouldBeGreaterThan(0, "fees are isolated left-to-right");
        await Accessibility.CheckAndShootAsync(page, "catalog");

        await PortalPages.SwitchLanguageAsync(page, "en");
        var englishNames = await page.Locator("ul.list h2 a").AllInnerTextsAsync();
        englishNames.ShouldAllBe(name => !name.Any(c => c >= '\u0600' && c <= '\u06FF'));
        await Accessibility.CheckAndShootAsync(page, "catalog");
    }

    [Fact]
    public async Task A_citizen_signs_in_with_the_persona_picker_and_the_token_stays_on_the_server()
    {
        var page = await host.NewPageAsync();
        await page.GotoAsync("/sign-in");
        await Accessibility.CheckAndShootAsync(page, "sign-in");
        await PortalPages.SwitchLanguageAsync(page, "en");
        await Accessibility.CheckAndShootAsync(page, "sign-in");
        await PortalPages.SwitchLanguageAsync(page, "ar");
        await PortalPages.SignInAsCitizenAsync(page, PortalPages.NewNationalId());

        var cookies = await page.Context.CookiesAsync();
        var session = cookies.Single(c => c.Name == "mygov-portal");
        session.HttpOnly.ShouldBeTrue();
        session.SameSite.ShouldBe(SameSiteAttribute.Lax);
        // The cookie is a key to the server's cache, not the ticket: far too short to carry a JWT.
        session.Value.Length.ShouldBeLessThan(400);
        (await page.Locator("nav a[href='/me/requests']").CountAsync()).ShouldBe(1, "the citizen's navigation is shown once signed in");
    }

    [Fact]
    public async Task The_verify_form_sends_a_typed_code_to_its_verification_page()
    {
        var page = await host.NewPageAsync();
        await page.GotoAsync("/verify");
        await Accessibility.CheckAndShootAsync(page, "verify");
        await page.Locator("#code").FillAsync("NO-SUCH-CODE");
        await page.Locator("main form button[type='submit']").ClickAsync();
        await page.ArrivedAsync("**/verify/documents/NO-SUCH-CODE");
        await page.Locator("#verdict.alert").WaitForAsync();
        await PortalPages.SwitchLanguageAsync(page, "en");
        await page.GotoAsync("/verify");
        await Accessibility.CheckAndShootAsync(page, "verify");
    }
}
