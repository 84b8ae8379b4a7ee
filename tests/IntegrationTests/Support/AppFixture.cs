using Alba;
using Marten;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Logging;
using MyGovernment.Api.Identity;
using MyGovernment.LocalPostgres;
using MyGovernment.IntegrationTests.Support.Conformance;

[assembly: AssemblyFixture(typeof(MyGovernment.IntegrationTests.Support.AppFixture))]

namespace MyGovernment.IntegrationTests.Support;

/// <summary>
/// One throwaway PostgreSQL cluster and one API host for the whole test assembly (booting either per test
/// would dominate the run on two cores). Tests isolate themselves by creating their own requests and citizens.
/// </summary>
public sealed class AppFixture : IAsyncLifetime
{
    private LocalPostgresCluster? _database;

    /// <summary>The SMTP server the email channel sends to.</summary>
    public SmtpSink Smtp { get; } = new();

    public IAlbaHost Host { get; private set; } = null!;

    /// <summary>Every exchange through the test host, checked against the OpenAPI document.</summary>
    public OpenApiConformance Conformance { get; } = new();

    public IDocumentStore Store => Host.Services.GetRequiredService<IDocumentStore>();

    public string ConnectionString => _database!.ConnectionString;

    public CapturedLogs Logs => Host.Services.GetServices<ILoggerProvider>().OfType<CapturedLogs>().Single();

    public async ValueTask InitializeAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "mygov-tests-" + Guid.NewGuid().ToString("N")[..8]);
        _database = await LocalPostgresCluster.StartAsync(
            new LocalPostgresOptions { Port = 0, Database = "mygovernment_tests" }, folder, deleteOnStop: true);

        Host = await AlbaHost.For<Program>(web =>
        {
            web.UseEnvironment("Testing");
            web.UseSetting("ConnectionStrings:Postgres", _database.ConnectionString);
            web.UseSetting("Authentication:DevelopmentIssuer", "true");
            web.UseSetting("Catalog:SeedDemo", "true");
            // Tests do not wait for readiness (CommandPathWarmUpTests runs the warm-up's command path itself).
            web.UseSetting("WarmUp:Enabled", "false");
            // Every test shares one address and a few subjects: generous limits (RateLimitingTests proves the 429).
            web.UseSetting("RateLimiting:PermitsPerMinute", "1000000");
            web.UseSetting("RateLimiting:PermitsPerAddressPerMinute", "1000000");
            // Concurrency and fuzz tests burst many commands on a loaded machine, where a 2 s wait for a place could
            // turn into a 503 they do not expect: no bound here (AdmissionControlTests proves the bound on its own host).
            web.UseSetting("Admission:CommandsInProgress", "0");
            // Notifications: email to the in-test SMTP server; a failed SMS is retried after a second, not a minute.
            web.UseSetting("Notifications:Email:SmtpHost", "127.0.0.1");
            web.UseSetting("Notifications:Email:SmtpPort", Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
            web.UseSetting("Notifications:FirstRetryDelay", "00:00:01");
            // Webhook retries a second apart instead of over 72 hours: three attempts, then the subscription is disabled.
            web.UseSetting("Webhooks:RetrySchedule", "00:00:01,00:00:01");
            web.ConfigureServices(services =>
            {
                services.AddSingleton<TimeProvider>(new TestClock());
                services.AddSingleton<IStartupFilter>(new ConformanceStartupFilter(Conformance));
                // The JSON log lines the console would print, for LogPrivacyTests.
                services.AddSingleton<ILoggerProvider>(CapturedLogs.For);
                services.ConfigureAll<HttpClientFactoryOptions>(o =>
                    o.HttpMessageHandlerBuilderActions.Add(b => b.PrimaryHandler = new LoopbackHandler(() => Host)));
            });
        });
        // A test's TestClock.Advance also holds for the HTTP requests it sends (the offset is an AsyncLocal).
        Host.Server.PreserveExecutionContext = true;
        using (var client = Host.Server.CreateClient())
        {
            Conformance.Load(await client.GetStringAsync("/openapi/v1.json"));
        }
        // A scenario whose request or answer differs from the document fails, naming the route and the difference.
        Host.AfterEach(ConformanceMiddleware.ThrowIfViolated);
    }

    public async ValueTask DisposeAsync()
    {
        // The ledger balances after the whole suite, not only when its own tests ran: a failure here fails the run.
        IReadOnlyList<string> ledger = Host is null ? [] : await Payments.LedgerBalance.ProblemsAsync(Store, requireEntries: false, CancellationToken.None);
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
        await Smtp.DisposeAsync();
        // How much of the contract the suite exercised. The runner shows a passing run's console only on failure, so the
        // line also goes to the file MYGOV_CONFORMANCE_REPORT names, which .ci/run prints next to the test count.
        var conformance = $"OpenAPI conformance: {Conformance.Validated} exchanges validated against the document, {Conformance.Violations.Count} violations.";
        Console.WriteLine(conformance);
        if (Environment.GetEnvironmentVariable("MYGOV_CONFORMANCE_REPORT") is { Length: > 0 } report)
        {
            await File.WriteAllTextAsync(report, conformance + Environment.NewLine);
        }
        if (Conformance.Violations.Count > 0)
        {
            throw new InvalidOperationException("Exchanges differ from the OpenAPI document:" + Environment.NewLine + string.Join(Environment.NewLine, Conformance.Violations.Distinct()));
        }
        if (ledger.Count > 0)
        {
            throw new InvalidOperationException("The revenue ledger does not balance after the suite: " + string.Join("; ", ledger));
        }
    }

    /// <param name="clientId">The client app the token was issued to (claim client_id), if any.</param>
    public string TokenFor(string subject, string role, string? department = null, string? nationalId = null, string? clientId = null) =>
        Host.Services.GetRequiredService<DevelopmentTokenIssuer>().Mint(subject, role, department, nationalId, clientId: clientId);

    /// <summary>The API's own authentication (the JWT bearer scheme and its events) applied to a request with the token.</summary>
    public async Task<AuthenticateResult> AuthenticateAsync(string token)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var http = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        http.Request.Headers.Authorization = "Bearer " + token;
        return await http.AuthenticateAsync();
    }
}
