using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace MyGovernment.Portal.Tests.Support;

/// <summary>
/// Waits for a navigation to reach a page and for that page to have loaded, by asking the page itself. Playwright's
/// own waits (WaitForURLAsync, WaitForLoadStateAsync) follow the lifecycle events the client has recorded: on a loaded
/// CI machine a page's "load" was missed while its "networkidle" arrived, and the wait ran its full 60 s on a page that
/// had long loaded (three journeys in three CI runs); with WaitUntil = Commit, a URL that already matched waited for a
/// "commit" event that never comes. Here the URL is read until it matches and the document's readyState until it is
/// complete.
/// </summary>
public static class PageArrival
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>Playwright's URL glob: <c>**</c> any characters, <c>*</c> any but '/', everything else literal.</summary>
    public static Task ArrivedAsync(this IPage page, string glob) =>
        page.ArrivedAsync(new Regex("^" + string.Join(".*", glob.Split("**").Select(part => string.Join("[^/]*", part.Split('*').Select(Regex.Escape)))) + "$"));

    public static async Task ArrivedAsync(this IPage page, Regex url)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (!url.IsMatch(page.Url))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The page stayed at {page.Url}, never reaching {url}.");
            }
            await Task.Delay(50);
        }
        await page.LoadedAsync();
    }

    public static async Task LoadedAsync(this IPage page)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (true)
        {
            try
            {
                if (await page.EvaluateAsync<string>("document.readyState") == "complete")
                {
                    return;
                }
            }
            catch (PlaywrightException)
            {
                // The document was replaced while being asked (the navigation went on): ask the new one.
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{page.Url} did not finish loading.");
            }
            await Task.Delay(50);
        }
    }
}
