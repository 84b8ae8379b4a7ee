using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace MyGovernment.Portal.Tests.Support;

/// <summary>
/// Waits for a navigation to reach a page and for that page to have loaded. Playwright's own load wait (WaitForURLAsync,
/// WaitForLoadStateAsync) follows the load events the client has seen, and on a loaded CI machine a page's "load" was
/// missed while its "networkidle" arrived: the wait ran its full 60 s on a page that had long loaded (three journeys,
/// three different CI runs). The URL is taken at commit, and the page's own readyState then says when it has loaded.
/// </summary>
public static class PageArrival
{
    public static async Task ArrivedAsync(this IPage page, string url)
    {
        await page.WaitForURLAsync(url, new() { WaitUntil = WaitUntilState.Commit });
        await page.LoadedAsync();
    }

    public static async Task ArrivedAsync(this IPage page, Regex url)
    {
        await page.WaitForURLAsync(url, new() { WaitUntil = WaitUntilState.Commit });
        await page.LoadedAsync();
    }

    public static Task LoadedAsync(this IPage page) => page.WaitForFunctionAsync("document.readyState === 'complete'");
}
