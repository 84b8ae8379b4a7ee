using Microsoft.Playwright;

namespace MyGovernment.Portal.Tests.Support;

/// <summary>Every page a test visits, as a full-page PNG in artifacts/screenshots (git-ignored), named page-lang.png.</summary>
public static class Screenshots
{
    public static string Folder { get; } = Path.Combine(RepositoryRoot(), "artifacts", "screenshots");

    public static async Task TakeAsync(IPage page, string name)
    {
        var lang = await page.Locator("html").GetAttributeAsync("lang") ?? "unknown";
        Directory.CreateDirectory(Folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Folder, $"{name}-{lang}.png"), FullPage = true });
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "MyGovernment.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? Path.GetTempPath();
    }
}
