using System.Security.Cryptography;
using Alba;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MyGovernment.Api.Identity;
using MyGovernment.Api.Oversight;
using MyGovernment.Domain.Oversight;
using MyGovernment.IntegrationTests.Support;
using MyGovernment.Integrity;
using MyGovernment.Simulator;
using Npgsql;

namespace MyGovernment.IntegrationTests.Oversight;

/// <summary>
/// A simulated office on a database of its own in the fixture's cluster (the simulation moves the business clock
/// and the planted log edit breaks verify, neither of which may touch the shared database). Two runs share it:
/// clean activity (prefix CLEAN) and, after the log-integrity report of the clean log is taken, activity with every
/// violation planted (prefix VIOL). Small thresholds keep the outlier samples small and the refund grace short.
/// </summary>
public sealed class SimulatedOffice(AppFixture app) : IAsyncLifetime
{
    public IAlbaHost Host { get; private set; } = null!;

    public SimulateCommand.Outcome Clean { get; private set; } = null!;

    public SimulateCommand.Outcome Violations { get; private set; } = null!;

    public ReportResult CleanIntegrity { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var database = "mygov_oversight_" + Guid.NewGuid().ToString("N")[..8];
        var admin = new NpgsqlConnectionStringBuilder(app.ConnectionString) { Database = "postgres", Pooling = false };
        await using (var connection = new NpgsqlConnection(admin.ConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"create database {database}", connection);
            await create.ExecuteNonQueryAsync();
        }
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var signing = key.ExportPkcs8PrivateKeyPem();
        Host = await AlbaHost.For<Program>(web =>
        {
            web.UseEnvironment("Testing");
            web.UseSetting("ConnectionStrings:Postgres", new NpgsqlConnectionStringBuilder(app.ConnectionString) { Database = database }.ConnectionString);
            web.UseSetting("Authentication:DevelopmentIssuer", "true");
            web.UseSetting("Catalog:SeedDemo", "true");
            web.UseMyGovernmentSimulation();
            // Marten tracks daemon progress per database name ("Main") across the process: a second daemon here would
            // disturb the main host's. The reports read events, not the async read models.
            web.UseSetting("Marten:DaemonMode", "Disabled");
            web.UseSetting("Integrity:CheckpointInterval", "00:00:00");
            web.UseSetting("Integrity:GapTimeout", "00:00:00");
            web.UseSetting("Integrity:SigningKeyPem", signing);
            foreach (var (name, value) in OversightOverrides)
            {
                web.UseSetting(name, value);
            }
            web.UseSetting("RateLimiting:PermitsPerMinute", "1000000");
            web.UseSetting("RateLimiting:PermitsPerAddressPerMinute", "1000000");
        });
        var ct = TestContext.Current.CancellationToken;
        Clean = await SimulateCommand.SimulateAsync(Host.Services, Options("CLEAN", 11, new HashSet<string>()), ct);
        CleanIntegrity = await ReportAsync(LogIntegrityReport.Name);
        Violations = await SimulateCommand.SimulateAsync(Host.Services, Options("VIOL", 23, SimulationOptions.ViolationKinds.ToHashSet()), ct);
    }

    /// <summary>
    /// The oversight thresholds of this office, smaller than production's for three weeks of 60 requests: a short
    /// period, so money kept after a rejection is due back sooner, and outliers judged on fewer decisions and refunds.
    /// </summary>
    private static readonly Dictionary<string, string?> OversightOverrides = new()
    {
        ["Oversight:OutlierMinimumDecisions"] = "8",
        ["Oversight:OutlierMinimumPeerDecisions"] = "8",
        ["Oversight:UnservedRefundWorkingDays"] = "3",
        ["Oversight:RefundOutlierMinimumRefunds"] = "4",
        ["Oversight:RefundOutlierMinimumPeerRefunds"] = "4",
        ["Oversight:RefundOutlierZ"] = "2",
    };

    /// <summary>The settings the office's host runs its reports and plans its violations with.</summary>
    internal static OversightSettings Settings() =>
        new ConfigurationBuilder().AddInMemoryCollection(OversightOverrides).Build().GetSection("Oversight").Get<OversightSettings>()!;

    internal static SimulationOptions Options(string prefix, int seed, IReadOnlySet<string> violations) => new()
    {
        Requests = 60, Departments = 2, OfficersPerDepartment = 3, Days = 21, Seed = seed, Prefix = prefix, Violations = violations,
    };

    public async ValueTask DisposeAsync()
    {
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }
    }

    public string Token(string role) => Host.Services.GetRequiredService<DevelopmentTokenIssuer>().Mint(role + "-1", role, null, null);

    public async Task<ReportResult> ReportAsync(string name, string query = "", string role = Roles.Oversight)
    {
        var result = await Host.Scenario(s =>
        {
            s.As(Token(role)).Get.Url($"/api/oversight/reports/{name}{(query.Length > 0 ? "?" + query : "")}");
            s.StatusCodeShouldBeOk();
        });
        return (await result.ReadAsJsonAsync<ReportResult>())!;
    }
}
