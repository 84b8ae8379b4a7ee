using Microsoft.Playwright;

namespace MyGovernment.Portal.Tests.Support;

/// <summary>Steps every journey shares: switching language and signing in through the persona picker.</summary>
public static class PortalPages
{
    private static int _nextCitizen = 50_000_000;

    /// <summary>A valid national ID (Luhn check digit) nobody else in the run uses.</summary>
    public static string NewNationalId()
    {
        var prefix = Interlocked.Increment(ref _nextCitizen).ToString("D8", System.Globalization.CultureInfo.InvariantCulture);
        for (var d = 0; d <= 9; d++)
        {
            var candidate = prefix + d;
            var sum = 0;
            for (var i = 0; i < 9; i++)
            {
                var digit = candidate[8 - i] - '0';
                digit = i % 2 == 1 ? (digit * 2 > 9 ? digit * 2 - 9 : digit * 2) : digit;
                sum += digit;
            }
            if (sum % 10 == 0)
            {
                return candidate;
            }
        }
        throw new InvalidOperationException("unreachable: one check digit always fits");
    }

    public static async Task SwitchLanguageAsync(IPage page, string to)
    {
        await page.Locator($"a.lang[hreflang='{to}']").ClickAsync();
        await page.Locator($"html[lang='{to}']").WaitForAsync();
        // The new page's element is there before the page has loaded: a click sent now starts the next navigation
        // while this one still loads, and on a loaded machine the next wait for a page load then waited for a load
        // event that never came (CI, FinanceJourneyTests, 60 s timeout).
        await page.LoadedAsync();
    }

    public static async Task SignInAsCitizenAsync(IPage page, string nationalId)
    {
        await page.GotoAsync("/sign-in");
        await page.Locator("input[name='Persona'][value='citizen']").CheckAsync();
        await page.Locator("#nationalId").FillAsync(nationalId);
        await page.Locator("form.stack button[type='submit']").ClickAsync();
        await page.Locator("form[action='/sign-out']").WaitForAsync();
    }
}
