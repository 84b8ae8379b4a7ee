using Microsoft.Playwright;

namespace MyGovernment.Portal.Tests.Support;

/// <summary>Signing in as a member of staff through the development persona picker.</summary>
public static class StaffSignIn
{
    /// <summary>The picker names staff by persona and department: "officer-MOL", "supervisor-MOL", "finance-demo".</summary>
    public static async Task<IPage> AsAsync(PortalHost host, string persona, string? department = null)
    {
        var page = await host.NewPageAsync();
        await page.GotoAsync("/sign-in");
        await page.Locator($"input[name='Persona'][value='{persona}']").CheckAsync();
        if (department is not null)
        {
            await page.Locator("#department").SelectOptionAsync(department);
        }
        await page.Locator("form.stack button[type='submit']").ClickAsync();
        await page.Locator("form[action='/sign-out']").WaitForAsync();
        return page;
    }

    /// <summary>axe and a screenshot of the page in its language, then in the other, then back to the first.</summary>
    public static async Task CheckBothLanguagesAsync(IPage page, string name)
    {
        var first = await page.Locator("html").GetAttributeAsync("lang") ?? "ar";
        var other = first == "ar" ? "en" : "ar";
        await Accessibility.CheckAndShootAsync(page, name);
        await PortalPages.SwitchLanguageAsync(page, other);
        await Accessibility.CheckAndShootAsync(page, name);
        await PortalPages.SwitchLanguageAsync(page, first);
    }
}
