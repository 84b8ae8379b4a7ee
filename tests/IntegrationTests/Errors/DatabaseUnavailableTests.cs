using System.Net;
using System.Net.Sockets;
using Alba;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MyGovernment.Api.Identity;
using MyGovernment.IntegrationTests.Support;
using Shouldly;
using Wolverine;

namespace MyGovernment.IntegrationTests.Errors;

/// <summary>
/// A second, small host whose connection string names a loopback port nothing listens on, so every connection
/// attempt is refused, as when PostgreSQL is down; the fixture's database and the tests beside this one are
/// untouched. Wolverine would check its message storage while starting, so this host runs it as a plain
/// mediator and lets it start without its storage: the failure under test happens at request time.
/// </summary>
public sealed class DatabaseDownHost : IAsyncLifetime
{
    public IAlbaHost Host { get; private set; } = null!;

    public async ValueTask InitializeAsync() =>
        Host = await AlbaHost.For<Program>(web =>
        {
            web.UseEnvironment("Testing");
            web.UseSetting("ConnectionStrings:Postgres", $"Host=127.0.0.1;Port={UnusedLoopbackPort()};Database=absent;Username=postgres;Timeout=3");
            web.UseSetting("Authentication:DevelopmentIssuer", "true");
            web.UseSetting("Marten:DaemonMode", "Disabled");
            web.UseSetting("Marten:ApplyChangesOnStartup", "false");
            web.ConfigureServices(services =>
            {
                services.ConfigureWolverine(opts =>
                {
                    opts.Durability.Mode = DurabilityMode.MediatorOnly;
                    opts.Durability.DurabilityAgentEnabled = false;
                    opts.ResourceMigrationFailureMode = JasperFx.ResourceMigrationFailureMode.ContinueOnFailures;
                });
                services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(1));
            });
        });

    public async ValueTask DisposeAsync() => await Host.DisposeAsync();

    private static int UnusedLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}

public sealed class DatabaseUnavailableTests(DatabaseDownHost down) : IClassFixture<DatabaseDownHost>
{
    [Fact]
    public async Task A_read_while_the_database_is_down_is_503_with_retry_after()
    {
        var result = await down.Host.Scenario(s =>
        {
            s.Get.Url("/api/services");
            s.StatusCodeShouldBe(HttpStatusCode.ServiceUnavailable);
            s.ContentTypeShouldBe("application/problem+json");
        });
        result.Context.Response.Headers.RetryAfter.ToString().ShouldNotBeEmpty();
        (await result.ReadAsJsonAsync<Journey.Problem>())!.Code.ShouldBe("database_unavailable");
    }

    [Fact]
    public async Task A_command_while_the_database_is_down_is_503_not_500()
    {
        var citizen = Citizens.NewNationalId();
        var token = down.Host.Services.GetRequiredService<DevelopmentTokenIssuer>().Mint("citizen-" + citizen, Roles.Citizen, null, citizen);
        var result = await down.Host.Scenario(s =>
        {
            s.As(token).Post.Json(new { serviceCode = "BIRTH-CERT", form = new { } }).ToUrl("/api/service-requests");
            s.WithRequestHeader("Idempotency-Key", Guid.NewGuid().ToString());
            s.StatusCodeShouldBe(HttpStatusCode.ServiceUnavailable);
        });
        result.Context.Response.Headers.RetryAfter.ToString().ShouldNotBeEmpty();
        (await result.ReadAsJsonAsync<Journey.Problem>())!.Code.ShouldBe("database_unavailable");
    }
}
