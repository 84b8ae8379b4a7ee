using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Playwright;
using MyGovernment.LocalPostgres;

[assembly: AssemblyFixture(typeof(MyGovernment.Portal.Tests.Support.PortalHost))]

namespace MyGovernment.Portal.Tests.Support;

/// <summary>
/// One throwaway PostgreSQL, one API host serving the portal on a real loopback port (as `dotnet run` does in
/// Development), and one Debian chromium, for the whole assembly. Tests isolate themselves with fresh citizens.
/// </summary>
public sealed class PortalHost : IAsyncLifetime
{
    /// <summary>Debian's chromium package: Playwright's own browser download cannot be reached from here or CI.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    private LocalPostgresCluster? _database;
    private WebApplicationFactory<Program>? _factory;
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The portal's (and the API's) address, e.g. http://127.0.0.1:40123.</summary>
    public string BaseUrl { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "mygov-portal-tests-" + Guid.NewGuid().ToString("N")[..8]);
        _database = await LocalPostgresCluster.StartAsync(
            new LocalPostgresOptions { Port = 0, Database = "mygovernment_portal_tests" }, folder, deleteOnStop: true);
        var port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port}";
        // Settings as environment variables, not UseSetting: the factory would pass those to Program as command-line
        // flags, which the JasperFx command line refuses. One host per process, so process-wide variables are fine.
        var settings = new Dictionary<string, string>
        {
            // The payment provider's return and callback URLs are built from "urls": the address we really listen on.
            ["urls"] = BaseUrl,
            ["ConnectionStrings__Postgres"] = _database.ConnectionString,
            ["Authentication__DevelopmentIssuer"] = "true",
            ["Catalog__SeedDemo"] = "true",
            ["WarmUp__Enabled"] = "false",
            ["RateLimiting__PermitsPerMinute"] = "1000000",
            ["RateLimiting__PermitsPerAddressPerMinute"] = "1000000",
            ["Portal__InProcess"] = "true",
            ["Portal__DevelopmentSignIn"] = "true",
        };
        foreach (var (key, value) in settings)
        {
            Environment.SetEnvironmentVariable(key, value);
        }
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web => web.UseEnvironment("Testing"));
        _factory.UseKestrel(port);
        _factory.StartServer();
        await WarmUpAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-dev-shm-usage"],
        });
    }

    /// <summary>A fresh browser session (no cookies) with the base URL set; Arabic unless the test switches.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            Locale = "ar-PS",
            ViewportSize = new ViewportSize { Width = 1000, Height = 800 },
        });
        context.SetDefaultTimeout(60_000);
        return await context.NewPageAsync();
    }

    public IServiceProvider Services => _factory!.Services;

    /// <summary>
    /// The first answers of a fresh host (page compilation, the engine's handlers) can take tens of seconds on a loaded
    /// two-core machine; paying for them here keeps the tests' element waits about the pages, not the warm-up.
    /// </summary>
    private async Task WarmUpAsync()
    {
        using var client = new HttpClient { BaseAddress = new Uri(BaseUrl), Timeout = TimeSpan.FromMinutes(3) };
        foreach (var path in new[] { "/", "/sign-in", "/services", "/services/BIRTH-CERT" })
        {
            using var response = await client.GetAsync(path);
            response.EnsureSuccessStatusCode();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        _playwright?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
