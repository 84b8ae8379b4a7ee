using Microsoft.Playwright;

namespace MyGovernment.Portal.Tests.Support;

/// <summary>A weak mobile link far from town: about 400 kbit/s each way and 400 ms of latency (Chromium's DevTools protocol).</summary>
public static class SlowConnection
{
    public const int KilobitsPerSecond = 400;
    public const int LatencyMilliseconds = 400;

    public static async Task EmulateAsync(IPage page)
    {
        // Every step takes several round trips of 400 ms each: give each wait room, it still waits on elements.
        page.Context.SetDefaultTimeout(90_000);
        var cdp = await page.Context.NewCDPSessionAsync(page);
        await cdp.SendAsync("Network.enable");
        var bytesPerSecond = KilobitsPerSecond * 1000 / 8;
        await cdp.SendAsync("Network.emulateNetworkConditions", new Dictionary<string, object>
        {
            ["offline"] = false,
            ["latency"] = LatencyMilliseconds,
            ["downloadThroughput"] = bytesPerSecond,
            ["uploadThroughput"] = bytesPerSecond,
        });
    }
}
