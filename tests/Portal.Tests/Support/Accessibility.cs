using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Shouldly;

namespace MyGovernment.Portal.Tests.Support;

/// <summary>axe on the page as it is now: no serious or critical violation (WCAG 2.2 AA rules and best practices).</summary>
public static class Accessibility
{
    public static async Task AssertNoSeriousViolationsAsync(IPage page)
    {
        var result = await page.RunAxe();
        var serious = result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")
            .ToList();
        serious.ShouldBeEmpty($"axe on {page.Url}");
    }

    /// <summary>The page checked by axe and photographed, in the language it is shown in.</summary>
    public static async Task CheckAndShootAsync(IPage page, string name)
    {
        await AssertNoSeriousViolationsAsync(page);
        await Screenshots.TakeAsync(page, name);
    }
}
