using Alba;
using Microsoft.AspNetCore.Hosting;
using MyGovernment.IntegrationTests.Support;
using MyGovernment.Simulator;
using Npgsql;
using Shouldly;

namespace MyGovernment.IntegrationTests.Oversight;

/// <summary>The simulator plants events and edits the log: it cannot run against a Production configuration.</summary>
public sealed class SimulatorRefusalTests(AppFixture app)
{
    [Fact]
    public async Task The_simulate_command_refuses_production_before_booting_anything()
    {
        (await SimulatorEntry.Main(["--environment", "Production", "--requests", "1"])).ShouldNotBe(0);
        (await SimulatorEntry.Main(["--environment", "Staging", "--requests", "1"])).ShouldNotBe(0);
        SimulationGuard.Allows("Development").ShouldBeTrue();
        SimulationGuard.Allows("testing").ShouldBeTrue();
        SimulationGuard.Allows("Production").ShouldBeFalse();
    }

    [Fact]
    public async Task A_host_with_a_production_configuration_refuses_the_simulation()
    {
        // A database name that does not exist: had the host started, nothing real could have been written.
        var connection = new NpgsqlConnectionStringBuilder(app.ConnectionString) { Database = "mygov_never_" + Guid.NewGuid().ToString("N")[..8] };
        var refused = await Should.ThrowAsync<InvalidOperationException>(() => AlbaHost.For<Program>(web =>
        {
            web.UseEnvironment("Production");
            web.UseSetting("ConnectionStrings:Postgres", connection.ConnectionString);
            web.UseMyGovernmentSimulation();
        }));
        refused.Message.ShouldContain("refuses to run in the 'Production' environment");
    }

    [Fact]
    public void The_api_no_longer_carries_the_simulator()
    {
        typeof(Program).Assembly.GetTypes()
            .Where(t => t.Name.Contains("Simulat", StringComparison.Ordinal))
            .Select(t => t.FullName)
            .ShouldBeEmpty();
    }
}
